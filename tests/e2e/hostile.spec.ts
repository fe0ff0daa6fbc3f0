import { expect, test } from './fixtures';
import { VIEWPORT } from './support/browser';
import { inset, inspectImage } from './support/images';
import { MASK_COLOUR } from '../../lib/page-agent/masks';

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

// A page with a strict CSP, overridden built-ins (addEventListener, bind, call, querySelector,
// JSON), clicks, keys and a flood of messages of its own, `* { all: unset !important }` and CSS
// aimed at Touchtrail, fields in open and closed shadow roots, an embedded frame and 100,000
// extra elements (tests/fixtures/site/hostile.js).

test('on a hostile page nothing is recorded by the page itself, and the researcher’s captures still work', async ({
  panel,
  shop,
}) => {
  await panel.createStudy('Hostile', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Hal', 'Suspicious member', []);
  await panel.startJourney('Join', 'Become a member');
  await panel.page.getByRole('switch', { name: 'Auto-record clicks and pages as drafts' }).check();
  await shop.open('index.html');
  await expect(panel.touchpoints).toHaveCount(1);

  await shop.open('hostile.html');
  await expect(panel.touchpoints).toHaveCount(2); // arriving on the page
  // The page clicks, fires pointer events, posts messages and forges error events on its own.
  await expect.poll(() => shop.page.locator('#join-count').textContent().then(Number)).toBeGreaterThan(10);
  await expect(panel.touchpoints).toHaveCount(2);
  // No externally_connectable: the page has no way to message Touchtrail.
  await expect(shop.page.locator('#reach')).toHaveText('unreachable');

  await panel.page.getByRole('switch', { name: 'Auto-record clicks and pages as drafts' }).uncheck();
  await shop.page.getByLabel('Member email').fill('member@example.com');
  await shop.page.locator('#open-card input').fill('4321');
  const openHost = (await shop.page.locator('#open-card').boundingBox())!;
  const openInput = (await shop.page.locator('#open-card input').boundingBox())!;
  const closedHost = (await shop.page.locator('#closed-card').boundingBox())!;
  // Playwright cannot reach into a closed shadow root: click where its field is and type.
  const closedInput = {
    x: closedHost.x + (openInput.x - openHost.x),
    y: closedHost.y + (openInput.y - openHost.y),
    width: openInput.width,
    height: openInput.height,
  };
  await shop.page.mouse.click(closedInput.x + 20, closedInput.y + closedInput.height / 2);
  await shop.page.keyboard.type('8765');
  // (page.evaluate would run in the page's world, where this page broke Function.prototype.bind.)
  const emailBox = (await shop.page.getByLabel('Member email').boundingBox())!;
  const frameBox = (await shop.page.locator('#help-frame').boundingBox())!;
  await panel.capture();

  await expect(panel.touchpoints).toHaveCount(3);
  await expect(panel.page.getByText('Error after click')).toHaveCount(0);
  const { file } = await panel.export();
  const shot = file.screenshots.find((s) => s.touchpointId === file.touchpoints[2]?.id)!;
  const scale = shot.width / VIEWPORT.width;
  for (const box of [emailBox, openInput, closedInput, frameBox]) {
    const inDevicePixels = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
    const region = await inspectImage(panel.page, shot.image, shot.mime, inset(inDevicePixels, 3));
    expect(Math.max(...region.regionSpread!)).toBeLessThanOrEqual(12);
    // The mask's grey, not a blank white field: the mask is really over each field.
    region.regionMean!.forEach((value, channel) => expect(Math.abs(value - MASK_RGB[channel]!)).toBeLessThanOrEqual(6));
  }
  expect(file.touchpoints.map((t) => t.source)).toEqual(['auto', 'auto', 'manual']);
});
