import { exportFile, type ExportFile } from '../../lib/export/format';
import { figuresFromExport, stagesFromExports, type FiguresByHand } from '../fixtures/overview-by-hand';
import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import { StudyOverview } from './pages/StudyOverview';
import { downloadExport, text } from './support/downloads';

const NORTHWIND = 'Northwind Insurance — first quote';
const CONTOSO = 'Contoso Cover — first quote';

/** A cell's words back into figures: "3 touchpoints · 2 friction · worst Major · emotion +0.5". */
function readCell(text: string) {
  // A link's text starts with its journey and stage for screen readers, out of sight.
  const words = text.slice(Math.max(0, text.search(/\d+ touchpoints? · /)));
  if (words === 'No touchpoints') return { touchpoints: 0, friction: 0, worst: 'none', emotion: undefined };
  const found =
    /^(\d+) touchpoints? · (?:(\d+) friction · worst (\w+)|no friction) · (?:emotion ([+-]?\d+\.\d)|no emotion)$/.exec(
      words,
    );
  expect(found, `a cell that reads "${words}"`).not.toBeNull();
  const [, touchpoints, friction, worst, emotion] = found!;
  return {
    touchpoints: Number(touchpoints),
    friction: Number(friction ?? 0),
    worst: worst?.toLowerCase() ?? 'none',
    emotion: emotion === undefined ? undefined : Number(emotion),
  };
}

/** The same figures as the overview shows them: emotion to one decimal. */
function shown(row: FiguresByHand) {
  return row.cells.map((c) => ({
    touchpoints: c.touchpoints,
    friction: c.friction,
    worst: c.worst,
    emotion: c.averageEmotion === undefined ? undefined : Math.round(c.averageEmotion * 10) / 10,
  }));
}

test('the study overview shows what the journeys’ own exports add up to, and opens a stage', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const page = dashboard.page;

  // The researcher downloads each journey as JSON from the study page, as a colleague would get it.
  const files: ExportFile[] = [];
  for (const title of [NORTHWIND, CONTOSO]) {
    const pick = page.getByRole('checkbox', { name: `Pick ${title}` });
    await pick.check();
    files.push(exportFile.parse(JSON.parse(text((await downloadExport(page, 'Export 1 journey', 'JSON')).bytes))));
    await pick.uncheck();
  }
  const stages = stagesFromExports(files);
  const byHand = files.map((file) => figuresFromExport(file, stages));

  const overview = await StudyOverview.open(page);
  expect(await overview.stages()).toEqual(stages);
  const rows = await overview.rows();
  expect(rows.map((r) => r.journey)).toEqual(byHand.map((r) => r.title));
  expect(rows.map((r) => r.cells.map(readCell))).toEqual(byHand.map(shown));
  // Each row says whose walk it is and on which site.
  for (const row of byHand)
    await expect(page.getByRole('rowheader', { name: row.title })).toContainText(`${row.persona} · ${row.site}`);

  // Beside it, the friction that hurts most: the worst first, with its thumbnails.
  const top = overview.topFriction();
  await expect(overview.topFrictionHeadings().first()).toHaveText(
    'Major · Consideration · Missing information · 1 of 2 journeys',
  );
  await expect(top.first().locator('img')).toHaveCount(1);

  // Narrowed to one competitor's site, only its journey is left.
  await overview.filterBy('Site', 'contoso.example');
  await expect(page.getByText('1 of 2 journeys')).toBeVisible();
  expect((await overview.rows()).map((r) => r.journey)).toEqual([CONTOSO]);
  await expect(overview.topFrictionHeadings().first()).toHaveText('Major · Purchase · Poor service · 1 of 1 journey');

  // A cell opens that journey's touchpoints of that stage.
  const purchase = byHand.find((r) => r.title === CONTOSO)!.cells.find((c) => c.stage === 'Purchase')!;
  await (await overview.cell(CONTOSO, 'Purchase')).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: CONTOSO })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Filter touchpoints' }).getByLabel('Stage')).toHaveValue('Purchase');
  const inStage = files[1]!.touchpoints.filter((t) => t.stage === 'Purchase' && !t.draft).map((t) => t.title);
  expect(inStage).toHaveLength(purchase.touchpoints);
  await expect.poll(() => dashboard.titles()).toEqual(inStage);
});
