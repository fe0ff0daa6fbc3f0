import { expect, test } from './fixtures';
import { inspectImage } from './support/images';

test.beforeEach(async ({ panel, shop }) => {
  await panel.createStudy('Pop-ups', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Ada', 'Pays by bank', []);
  await panel.startJourney('Pay by bank', 'Buy the boots and pay in the bank’s window');
});

test('the persona pays in the bank’s pop-up window: the panel captures and records it there', async ({
  panel,
  shop,
}) => {
  await shop.open('checkout.html');
  await expect(panel.captureTarget).toHaveText(
    /^Captures: Checkout — Your details — Northwind Outfitters \(127\.0\.0\.1/,
  );

  // The checkout opens the bank's payment window itself; the persona is now in it.
  const bank = await shop.openWindowWith('Pay with bank');
  await expect(panel.captureTarget).toContainText('Approve your payment — Northwind Bank');
  await expect(panel.captureTarget).toContainText('in a pop-up window');
  const bankViewport = await bank.viewportInDevicePixels();
  expect(bankViewport).not.toEqual(await shop.viewportInDevicePixels());

  await panel.capture();
  await expect(panel.touchpoint(1)).toContainText('Approve your payment');

  // Picking an element and capturing the full page work in the pop-up too.
  await panel.page.getByRole('button', { name: 'Pick element' }).click();
  await bank.page.getByRole('button', { name: 'Approve payment' }).click();
  await expect(panel.touchpoint(2).getByLabel('Title')).toHaveValue(
    'Approve payment — Approve your payment — Northwind Bank',
  );
  await panel.page.getByRole('button', { name: 'Capture full page' }).click();
  await expect(panel.touchpoint(3)).toContainText('Approve your payment');

  // With auto-record on, the persona's click in the pop-up becomes a draft, with its address.
  await panel.setAutoRecord(true);
  await bank.page.getByRole('button', { name: 'Approve payment' }).click();
  await expect(bank.page.getByText('Payment approved')).toBeVisible();
  await expect(panel.touchpoint(4)).toContainText('Approve payment');
  await expect(panel.touchpoint(4)).toHaveClass(/draft/);

  // The bank closes its window: the capture target is the shop's checkout again.
  await bank.page.close();
  await expect(panel.captureTarget).toHaveText(/^Captures: Checkout — Your details/);
  await expect(panel.captureTarget).not.toContainText('pop-up');

  await expect(panel.page.getByText('Capturing…')).toHaveCount(0);
  const { file } = await panel.export();
  const [captured, picked, fullPage, draft] = file.touchpoints;
  expect([captured, picked, fullPage].map((t) => new URL(t!.url!).pathname)).toEqual([
    '/bank.html',
    '/bank.html',
    '/bank.html',
  ]);
  expect(draft).toMatchObject({ source: 'auto', draft: true, element: { text: 'Approve payment' } });
  expect(new URL(draft!.url!).pathname).toBe('/bank.html');
  // The pixels are the pop-up's own: its viewport, not the shop window's behind it.
  const shot = file.screenshots.find((s) => s.touchpointId === captured!.id)!;
  const image = await inspectImage(panel.page, shot.image, shot.mime);
  expect({ width: image.width, height: image.height }).toEqual(bankViewport);
});

test('the draft of a click on a link that opens a new tab has the address of the page clicked on', async ({
  panel,
  shop,
}) => {
  await panel.setAutoRecord(true);
  await shop.open('checkout.html');
  await expect(panel.touchpoints).toHaveCount(1); // arriving on the checkout
  const help = await shop.followLinkToNewTab('Delivery and returns (opens in a new tab)');
  await expect(help).toHaveTitle(/Help and FAQ/);
  await expect(panel.touchpoints.filter({ hasText: 'Delivery and returns' })).toHaveCount(1);
  await expect(panel.page.getByText('Capturing…')).toHaveCount(0);

  const { file } = await panel.export();
  const click = file.touchpoints.find((t) => t.element?.text.startsWith('Delivery and returns'));
  expect(new URL(click!.url!).pathname).toBe('/checkout.html');
});
