import { expect, test } from './fixtures';
import { countColourInColumn, inspectImage } from './support/images';

test('a full-page capture stitches the whole page once, without repeating sticky bars, and puts the page back', async ({
  panel,
  shop,
}) => {
  await panel.createStudy('Full page', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Flo', 'Reads everything', []);
  await panel.startJourney('Browse the lookbook', 'See the whole collection');
  await shop.open('lookbook.html');
  await shop.page.evaluate(() => window.scrollTo(0, 300));
  const page = await shop.page.evaluate(() => ({
    width: Math.round(window.innerWidth * devicePixelRatio),
    height: Math.round(document.documentElement.scrollHeight * devicePixelRatio),
    viewport: window.innerHeight,
  }));
  expect(page.height).toBeGreaterThan(page.viewport * 3);

  await panel.page.getByRole('button', { name: 'Capture full page' }).click();
  await expect(panel.touchpoints).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(() => shop.page.evaluate(() => window.scrollY)).toBe(300);

  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const facts = await inspectImage(panel.page, shot.image, shot.mime);
  expect(facts).toEqual({ width: page.width, height: page.height });
  expect(shot).toMatchObject({ width: page.width, height: page.height });

  // The sticky bar (60 px of magenta) appears once, in the first frame only.
  const barPixels = await countColourInColumn(panel.page, shot.image, shot.mime, 200, [200, 40, 120]);
  expect(barPixels).toBeGreaterThan(40);
  expect(barPixels).toBeLessThan(80);
  // Every section made it in: the last one (Harbour, dark blue) is there, near the bottom.
  expect(await countColourInColumn(panel.page, shot.image, shot.mime, 200, [30, 60, 120])).toBeGreaterThan(600);
});
