// The README's pictures of the dashboard, taken from the built extension on the sample study
// (`npm run demo -- --pictures`), so that they show what a researcher sees today.
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionSession } from '../tests/e2e/support/browser';
import { Dashboard } from '../tests/e2e/pages/Dashboard';
import { StudyOverview } from '../tests/e2e/pages/StudyOverview';
import { chooseReadout, downloadExport } from '../tests/e2e/support/downloads';
import { pptxToPdf } from '../tests/e2e/support/office';
import { pdfInfo, pdfPageToPng, pdfText } from '../tests/e2e/support/poppler';

export const OVERVIEW_PICTURE = 'docs/overview.png';

/** docs/overview.png: the study overview of the sample study, heat map and top friction. */
export async function writeOverviewPicture(session: ExtensionSession): Promise<string> {
  const dashboard = await Dashboard.open(session);
  await dashboard.page.setViewportSize({ width: 1400, height: 760 });
  await dashboard.loadSample();
  const overview = await StudyOverview.open(dashboard.page);
  // Every thumbnail of the top friction shown, not a grey placeholder.
  const frames = overview.topFriction().locator('.thumb-frame img, .thumb-empty');
  await overview.topFriction().first().waitFor();
  await frames.first().waitFor();
  await dashboard.page.waitForFunction(() =>
    [...document.querySelectorAll('.top-friction img')].every((img) => (img as HTMLImageElement).complete),
  );
  await writeFile(OVERVIEW_PICTURE, await dashboard.page.getByRole('main').screenshot());
  await dashboard.page.close();
  return OVERVIEW_PICTURE;
}

export const DECK_SLIDE_PICTURE = 'docs/deck-slide.png';

/**
 * docs/deck-slide.png: a key touchpoint's slide of the sample journey's deck, downloaded from the
 * dashboard and rendered by LibreOffice Impress (→ PDF → PNG), as a colleague would open it.
 */
export async function writeDeckSlidePicture(session: ExtensionSession): Promise<string> {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney('Northwind Insurance — first quote');
  await chooseReadout(dashboard.page, 'Export journey', { touchpoints: 'Key only' });
  const deck = await downloadExport(dashboard.page, 'Export journey', 'Slide deck (.pptx)');
  const dir = await mkdtemp(join(tmpdir(), 'touchtrail-picture-'));
  const pptx = join(dir, 'deck.pptx');
  await writeFile(pptx, deck.bytes);
  const pdf = await pptxToPdf(pptx, dir);
  const { pages } = await pdfInfo(pdf);
  for (let page = 1; page <= pages; page++) {
    const text = (await pdfText(pdf, page)).replace(/\s+/g, ' ');
    if (!text.includes('Quote step 2 — Your licence') || !text.includes('Key touchpoint')) continue;
    await copyFile(await pdfPageToPng(pdf, page, join(dir, 'slide'), 60), DECK_SLIDE_PICTURE);
    await dashboard.page.close();
    return DECK_SLIDE_PICTURE;
  }
  throw new Error('The sample deck has no slide for "Quote step 2 — Your licence".');
}
