// The README's pictures of the dashboard, taken from the built extension on the sample study
// (`npm run demo -- --pictures`), so that they show what a researcher sees today.
import { writeFile } from 'node:fs/promises';
import type { ExtensionSession } from '../tests/e2e/support/browser';
import { Dashboard } from '../tests/e2e/pages/Dashboard';
import { StudyOverview } from '../tests/e2e/pages/StudyOverview';

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
