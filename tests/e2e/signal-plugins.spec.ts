import { expect, test } from './fixtures';
import { DeliveryPage } from './pages/DeliveryPage';
import type { ShopPage } from './pages/ShopPage';
import type { SidePanel } from './pages/SidePanel';

// The friction signals added as plug-ins (lib/signals/kinds/), each on a delivery page made to
// trigger it and on one that must not. Each "must not" waits for a later signal from the same
// page, which the page agent reports after it has had its chance to find the first.

async function walkFrom(panel: SidePanel, shop: ShopPage, path: string): Promise<DeliveryPage> {
  await panel.createStudy('Checkout friction', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Robin', 'Careful shopper', []);
  await panel.startJourney('Checkout', 'Get the boots delivered');
  await shop.open(path);
  await panel.capture();
  return new DeliveryPage(shop.page);
}

async function nextTouchpointOn(panel: SidePanel, shop: ShopPage, path: string) {
  await shop.open(path);
  await panel.capture();
}

test('pressing a disabled button, even on its label, is a disabled click; an enabled one that does nothing is not', async ({
  panel,
  shop,
}) => {
  const delivery = await walkFrom(panel, shop, 'delivery.html');
  await delivery.pressLabelOf('Continue to payment');
  await expect(panel.touchpoint(1).getByText('A click on “Continue to payment”, which is disabled')).toBeVisible();
  await delivery.press('Use saved address');
  await expect(panel.touchpoint(1).getByText('A click on “Use saved address”, which is disabled')).toBeVisible();
  await expect(panel.touchpoint(1).getByText('Disabled click')).toHaveCount(2);

  await nextTouchpointOn(panel, shop, 'delivery-ready.html');
  await delivery.press('Save for later'); // aria-disabled="false": enabled, and it does nothing
  await expect(panel.touchpoint(2).getByText('Nothing happened after a click on “Save for later”')).toBeVisible({
    timeout: 8_000,
  });
  await expect(panel.touchpoint(2).getByText('Disabled click')).toHaveCount(0);
});

test('scrolling down and up again and again is excessive scrolling; looking back a few times is not', async ({
  panel,
  shop,
}) => {
  const delivery = await walkFrom(panel, shop, 'delivery.html');
  await delivery.scrollDownAndUp(5); // 4 changes of direction
  await expect(panel.touchpoint(1).getByText('Excessive scrolling')).toBeVisible();
  await expect(panel.touchpoint(1).getByText(/changing direction 4 times within/)).toBeVisible();

  await nextTouchpointOn(panel, shop, 'delivery-ready.html');
  await delivery.scrollDownAndUp(4); // 3 changes of direction
  await delivery.press('Save for later');
  await expect(panel.touchpoint(2).getByText('Dead click')).toBeVisible({ timeout: 8_000 });
  await expect(panel.touchpoint(2).getByText('Excessive scrolling')).toHaveCount(0);
});

test('an error no click preceded is a page error; an error right after a click is not', async ({ panel, shop }) => {
  const delivery = await walkFrom(panel, shop, 'delivery.html');
  await delivery.typePostcode('1011 AB'); // the lookup fails at every key, with the same error
  await expect(panel.touchpoint(1).getByText(/no click before it: .*Postcode service unavailable/)).toBeVisible();
  await expect(panel.touchpoint(1).getByText('Page error')).toHaveCount(1);

  await nextTouchpointOn(panel, shop, 'delivery-ready.html');
  await delivery.errorsReachTouchtrail();
  await delivery.press('Check stock');
  await expect(panel.touchpoint(2).getByText(/failed after a click on “Check stock”/)).toBeVisible();
  await expect(panel.touchpoint(2).getByText('Page error')).toHaveCount(0);
});
