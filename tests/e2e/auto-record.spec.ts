import { expect, test } from './fixtures';

test.beforeEach(async ({ panel, shop }) => {
  await panel.createStudy('Auto', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Ada', 'Explorer', []);
  await panel.startJourney('Wander', 'Look around the shop');
  await panel.setAutoRecord(true);
});

test('with auto-record on, each real click and each new page becomes a draft to keep or discard', async ({
  panel,
  shop,
}) => {
  // Arriving on a page records it; its draft shows that auto-record has reached the page.
  await shop.open('index.html');
  await expect(panel.touchpoints).toHaveCount(1);
  // The next page comes only once the link's draft is saved, so that draft always has a
  // screenshot of the page clicked on (a page left first: tests/unit/drafts.test.ts).
  await shop.followLinkAnsweredWhen('Shop the collection', () => expect(panel.touchpoints).toHaveCount(2));
  await expect(panel.touchpoints).toHaveCount(3);
  await expect(panel.page.getByRole('group', { name: 'Drafts' })).toContainText('3 drafts from auto-record');
  await expect(panel.touchpoint(2)).toHaveClass(/draft/);
  await expect(panel.touchpoint(2)).toContainText('Shop the collection');
  await expect(panel.touchpoint(3)).toContainText('All products');

  await panel.page.getByRole('button', { name: 'Keep draft 2' }).click();
  await expect(panel.touchpoint(2)).not.toHaveClass(/draft/);
  await panel.page.getByRole('button', { name: 'Discard all' }).click();
  await expect(panel.touchpoints).toHaveCount(1);
  await panel.undo();
  await expect(panel.touchpoints).toHaveCount(3);

  const { file } = await panel.export();
  expect(file.touchpoints.map((t) => [t.seq, t.source, t.draft])).toEqual([
    [1, 'auto', true],
    [2, 'auto', false],
    [3, 'auto', true],
  ]);
  expect(file.touchpoints[1]?.element).toMatchObject({ role: 'link', text: 'Shop the collection' });
  // Each draft has its screenshot: both pages, and the link on the page it was clicked on.
  const screenshotOf = new Map(file.screenshots.map((s) => [s.touchpointId, s]));
  expect(file.touchpoints.map((t) => screenshotOf.has(t.id))).toEqual([true, true, true]);
  expect(file.touchpoints.map((t) => [t.pageTitle, new URL(t.url ?? 'http://x/').pathname])).toEqual([
    ['Northwind Outfitters — Trail gear', '/index.html'],
    ['Northwind Outfitters — Trail gear', '/index.html'],
    ['All products — Northwind Outfitters', '/products.html'],
  ]);
});

test('a burst of clicks records the first and counts the rest', async ({ panel, shop }) => {
  await shop.open('product.html');
  await expect(panel.touchpoints).toHaveCount(1); // the page load
  const compare = shop.page.getByRole('button', { name: 'Compare sizes' });
  for (let i = 0; i < 5; i++) await compare.click();
  await expect(panel.touchpoints).toHaveCount(2);
  await expect(panel.touchpoint(2)).toContainText('+4 more clicks');
});

test('clicks made by the page itself never record anything', async ({ panel, shop }) => {
  await shop.open('cart.html');
  await expect(panel.touchpoints).toHaveCount(1);
  await shop.page.evaluate(() => {
    for (const button of document.querySelectorAll('button')) button.click();
    document.getElementById('gift-wrap')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
  });
  await expect(shop.page.getByText('Gift wrap added')).toBeVisible();
  await panel.setAutoRecord(false);
  await panel.capture();
  // Only the page load and the researcher's own capture: the synthetic clicks left nothing.
  await expect(panel.touchpoints).toHaveCount(2);
  await expect(panel.touchpoint(2)).not.toHaveClass(/draft/);
});

test('in a single-page app, each route change is a new page for auto-record', async ({ panel, shop }) => {
  await shop.open('app.html');
  await expect(panel.touchpoints).toHaveCount(1);
  await shop.page.getByRole('link', { name: 'Foot length' }).click();
  await expect(shop.page.getByText('Measure your foot length.')).toBeVisible();
  // The click and the new route. A new route ends a burst of clicks, so the next click, however
  // quick, is a draft of its own.
  await expect(panel.touchpoints).toHaveCount(3);
  await shop.page.getByRole('link', { name: 'Your size' }).click();
  await expect(shop.page).toHaveURL(/step=result/);
  await expect(panel.touchpoints).toHaveCount(5);
  await expect(panel.touchpoints.filter({ hasText: 'Foot length' })).toHaveCount(1);
  await expect(panel.touchpoints.filter({ hasText: 'Your size' })).toHaveCount(1);
  await expect(panel.page.getByText('Capturing…')).toHaveCount(0);
  const { file } = await panel.export();
  const routes = file.touchpoints.filter((t) => !t.element).map((t) => new URL(t.url ?? 'http://x/').search);
  expect(routes).toEqual(['', '?step=foot', '?step=result']);
});

// The capture of an auto-recorded click puts Touchtrail's masks into the page and takes them
// away again; that must not read as the page reacting, however short the press.
for (const pressMs of [50, 80, 110]) {
  test(`a press of ${pressMs} ms on a button that does nothing is a dead click with auto-record on`, async ({
    panel,
    shop,
  }) => {
    await shop.open('product.html');
    await expect(panel.touchpoints).toHaveCount(1); // arriving on the page
    await shop.page.getByRole('button', { name: 'Compare sizes' }).click({ delay: pressMs });
    await expect(panel.touchpoints).toHaveCount(2); // the click's draft
    await expect(panel.page.getByText('Nothing happened after a click on “Compare sizes”')).toBeVisible({
      timeout: 8_000,
    });
  });
}
