import type { RecordingState } from '../../lib/extension-storage/recording-state';
import { expect, test } from './fixtures';
import { readExtensionStorage } from './support/browser';
import type { ShopPage } from './pages/ShopPage';
import type { SidePanel } from './pages/SidePanel';

// Each friction signal on a demo-shop page made to trigger it, and on one made not to.
// Signals found on a page that has a touchpoint attach to it; otherwise they wait for the next.

async function walkFrom(panel: SidePanel, shop: ShopPage, path: string) {
  await panel.createStudy('Signals', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Sam', 'Impatient shopper', []);
  await panel.startJourney('Browse', 'Find boots quickly');
  await shop.open(path);
  await panel.capture();
}

test('three quick clicks on one spot are a rage click; one click on a working button is not', async ({
  panel,
  shop,
}) => {
  await walkFrom(panel, shop, 'product.html');
  const compare = shop.page.getByRole('button', { name: 'Compare sizes' });
  await compare.click({ clickCount: 1 });
  await compare.click({ clickCount: 1 });
  await compare.click({ clickCount: 1 });
  await expect(panel.touchpoint(1).getByText('Rage click')).toBeVisible();
  await expect(panel.touchpoint(1).getByText(/3 clicks within/)).toBeVisible();

  await shop.followLink('Add to cart');
  await panel.capture();
  await shop.page.getByRole('button', { name: 'Add gift wrap' }).click();
  await expect(shop.page.getByText('Gift wrap added')).toBeVisible();
  // A later burst on another button shows the detector has seen the single click by now.
  const coupon = shop.page.getByRole('button', { name: 'Apply coupon' });
  for (let i = 0; i < 3; i++) await coupon.click();
  const rage = panel.signals(2, 'Rage click');
  await expect(rage.filter({ hasText: /3 clicks within .* on “Apply coupon”/ })).toHaveCount(1);
  await expect(rage).toHaveCount(1);
});

test('the researcher can make rage clicks need more clicks', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'product.html');
  await panel.page.getByText('Friction signal thresholds').click();
  const atLeast = panel.page.getByLabel('Rage click: at least (clicks)');
  await atLeast.fill('1');
  await atLeast.press('Enter');
  await expect(panel.page.getByRole('alert')).toHaveText('Rage click: at least: choose between 2 and 10 clicks.');
  await atLeast.fill('4');
  await atLeast.press('Enter');
  await expect(panel.page.getByText('Friction signal thresholds (1 changed)')).toBeVisible();
  // The page agents hear of it through the recording state the background publishes.
  await expect
    .poll(
      async () =>
        ((await readExtensionStorage(panel.page, 'recordingState')) as RecordingState).thresholds?.['rage-click']
          ?.clicks,
    )
    .toBe(4);
  await shop.open('product.html'); // a fresh page agent, which reads the recording state as it starts

  // With the default (3) the third click would be reported at once as "3 clicks"; with 4, only
  // the fourth click makes a rage click.
  const compare = shop.page.getByRole('button', { name: 'Compare sizes' });
  for (let i = 0; i < 4; i++) await compare.click();
  await expect(panel.touchpoint(1).getByText(/4 clicks within/)).toBeVisible();
  await expect(panel.touchpoint(1).getByText(/3 clicks within/)).toHaveCount(0);

  await panel.page.getByRole('button', { name: 'Reset to the defaults' }).click();
  await expect(panel.page.getByText('Friction signal thresholds', { exact: true })).toBeVisible();
  // The field the researcher has left follows the stored value back to the default.
  await expect(atLeast).toHaveValue('3');
});

test('a click on a button that does nothing is a dead click; one that changes the page is not', async ({
  panel,
  shop,
}) => {
  await walkFrom(panel, shop, 'cart.html');
  await shop.page.getByRole('button', { name: 'Add gift wrap' }).click();
  await shop.open('product.html');
  await panel.capture();
  await shop.page.getByRole('button', { name: 'Compare sizes' }).click();
  await expect(panel.touchpoint(2).getByText('Dead click')).toBeVisible({ timeout: 8_000 });
  await expect(panel.touchpoint(2).getByText('Nothing happened after a click on “Compare sizes”')).toBeVisible();
  await expect(panel.touchpoint(1).getByText('Dead click')).toHaveCount(0);
});

test('an error right after a click is an error click; a working button is not', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'cart.html');
  await shop.page.getByRole('button', { name: 'Add gift wrap' }).click();
  await shop.page.getByRole('button', { name: 'Apply coupon' }).click();
  await expect(panel.touchpoint(1).getByText('Error after click')).toBeVisible();
  await expect(panel.touchpoint(1).getByText(/Apply coupon/)).toBeVisible();
  await expect(panel.touchpoint(1).getByText(/Add gift wrap/)).toHaveCount(0);
});

test('a page that takes over 3 s to load is a slow page; a fast one is not', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'index.html');
  await shop.open('slow.html');
  await expect(panel.page.getByRole('region', { name: 'Detected on the page' }).getByText('Slow page')).toBeVisible();
  await panel.capture();
  await expect(panel.touchpoint(2).getByText('Slow page')).toBeVisible();
  await expect(panel.touchpoint(1).getByText('Slow page')).toHaveCount(0);
});

test('going straight back within 5 s is a quick back; reading first is not', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'products.html');
  await shop.followLink('Ridge Runner boots');
  await shop.page.goBack();
  await expect(panel.touchpoint(1).getByText('Quick back')).toBeVisible();

  await shop.followLink('Summit 30 L pack');
  await shop.page.getByRole('heading', { level: 1 }).click();
  await shop.page.goBack();
  // A later quick back, from the cart, shows the detector has seen the return from the page
  // read by now: it reports in order, so a quick back found there would be listed already.
  await shop.followLink('Cart');
  await shop.page.goBack();
  const quickBacks = panel.signals(1, 'Quick back');
  await expect(quickBacks.filter({ hasText: /Left \S+\/cart\.html after/ })).toHaveCount(1);
  await expect(quickBacks).toHaveCount(2);
});

test('a field refused after submit is a form error; a valid submit is not', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'help.html');
  await shop.page.getByLabel('Your email').fill('not an address');
  await shop.page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(panel.touchpoint(1).getByText('Form error')).toBeVisible();
  await expect(panel.touchpoint(1).getByText('The form refused “Your email”')).toBeVisible();

  await shop.open('checkout.html');
  await panel.capture();
  await shop.page.getByRole('button', { name: 'Place order' }).click();
  await expect(panel.touchpoint(2).getByText(/The form refused “Email”/)).toBeVisible();

  await shop.open('help.html');
  await panel.capture();
  await shop.page.getByLabel('Your email').fill('sam@example.com');
  await shop.page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(shop.page.getByText('Subscribed')).toBeVisible();
  await expect(panel.touchpoint(3).getByText('Form error')).toHaveCount(0);
});

test('accepting a signal makes it friction; dismissing it removes the suggestion', async ({ panel, shop }) => {
  await walkFrom(panel, shop, 'product.html');
  const compare = shop.page.getByRole('button', { name: 'Compare sizes' });
  await compare.click();
  await panel.expand(1);
  await expect(panel.touchpoint(1).getByText('Dead click')).toBeVisible({ timeout: 8_000 });
  await panel.touchpoint(1).getByRole('button', { name: 'Accept as friction' }).click();
  await expect(panel.touchpoint(1).getByLabel('Friction severity')).toHaveValue('minor');
  await expect(panel.touchpoint(1).getByRole('checkbox', { name: 'Error', exact: true })).toBeChecked();
  await expect(panel.touchpoint(1).getByLabel('Friction notes')).toHaveValue(/Nothing happened after a click/);

  for (let i = 0; i < 3; i++) await compare.click();
  await expect(panel.touchpoint(1).getByText('Rage click')).toBeVisible();
  await panel.touchpoint(1).getByRole('button', { name: 'Dismiss Rage click' }).click();
  await expect(panel.touchpoint(1).getByText('Rage click')).toHaveCount(0);
  await expect(panel.touchpoint(1).getByText('Dead click')).toBeVisible();
});
