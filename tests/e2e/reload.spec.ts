import { expect, test } from './fixtures';
import { SidePanel } from './pages/SidePanel';
import type { ShopPage } from './pages/ShopPage';
import { openSidePanel, reloadExtension } from './support/browser';
import { inset, inspectImage } from './support/images';

// Reloading the extension (as an update does) under an open page leaves its page agent
// orphaned: it must fall silent without throwing into the page, and a new one must take over.

async function startWalk(panel: SidePanel, shop: ShopPage) {
  await panel.createStudy('Reload', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', []);
  await panel.startJourney('Reorder', 'Buy the same boots again');
}

test('an orphaned page agent throws nothing into the page while the persona goes on', async ({
  panel,
  shop,
  session,
}) => {
  const errors: string[] = [];
  shop.page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  shop.page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await startWalk(panel, shop);
  await shop.open('product.html');
  await panel.capture();

  await reloadExtension(session);
  // Clicks, a would-be rage click and a navigation reach the old agent's listeners.
  const compare = shop.page.getByRole('button', { name: 'Compare sizes' });
  for (let i = 0; i < 4; i++) await compare.click();
  await shop.followLink('Add to cart');

  const reopened = new SidePanel(await openSidePanel(session));
  await expect(reopened.touchpoints).toHaveCount(1);
  await reopened.capture();
  await expect(reopened.touchpoints).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the page open during the reload is captured, masked, without being touched first', async ({
  panel,
  shop,
  session,
}) => {
  await startWalk(panel, shop);
  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('still.secret@example.com');
  const emailBox = await shop.fieldBoxInScreenshot('Email');
  await panel.capture();

  await reloadExtension(session);
  const reopened = new SidePanel(await openSidePanel(session));
  await expect(reopened.touchpoints).toHaveCount(1);
  await shop.page.bringToFront();
  await reopened.capture();

  const { file } = await reopened.export();
  expect(file.touchpoints.map((t) => t.seq)).toEqual([1, 2]);
  const shot = file.screenshots.find((s) => s.touchpointId === file.touchpoints[1]!.id)!;
  const email = await inspectImage(reopened.page, shot.image, shot.mime, inset(emailBox, 3));
  expect(Math.max(...email.regionSpread!)).toBeLessThanOrEqual(12);
});
