import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VIEWPORT } from './support/browser';
import { inset, inspectImage, shareOfColour, type Region } from './support/images';
import { holdCompaction, readStoredScreenshot, type StoredScreenshot } from './support/stored-screenshots';
import { MASK_COLOUR } from '../../lib/page-agent/masks';

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

// A page with a strict CSP, overridden built-ins (addEventListener, bind, call, querySelector,
// JSON), clicks, keys and a flood of messages of its own, `* { all: unset !important }` and CSS
// aimed at Touchtrail, fields in open and closed shadow roots, an embedded frame and 100,000
// extra elements (tests/fixtures/site/hostile.js).

test('on a hostile page nothing is recorded by the page itself, and the researcher’s captures still work', async ({
  panel,
  shop,
  session,
}) => {
  await panel.createStudy('Hostile', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Hal', 'Suspicious member', []);
  await panel.startJourney('Join', 'Become a member');
  await panel.setAutoRecord(true);
  await shop.open('index.html');
  await expect(panel.touchpoints).toHaveCount(1);

  await shop.open('hostile.html');
  await expect(panel.touchpoints).toHaveCount(2); // arriving on the page
  // The page clicks, fires pointer events, posts messages and forges error events on its own.
  await expect.poll(() => shop.page.locator('#join-count').textContent().then(Number)).toBeGreaterThan(10);
  await expect(panel.touchpoints).toHaveCount(2);
  // No externally_connectable: the page has no way to message Touchtrail.
  await expect(shop.page.locator('#reach')).toHaveText('unreachable');

  await panel.setAutoRecord(false);
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
  // (The page's frame is of its own origin, so it is looked into rather than covered whole: its
  // masks are judged on My account, tests/e2e/privacy.spec.ts.)
  // The masks are judged in both stored formats on purpose: the PNG as captured (its
  // compression held back), then the WebP it is compressed to.
  const compaction = await holdCompaction(session);
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.touchpoints).toHaveCount(3);
  // Among the detected signals (the thresholds' settings name the signal too).
  await expect(panel.page.locator('.signals').getByText('Error after click')).toHaveCount(0);
  const captured = await readStoredScreenshot(panel.page, 3);
  expect(captured?.mime).toBe('image/png');
  await expectFieldsMasked(panel.page, captured!, [emailBox, openInput, closedInput]);
  await compaction.release();
  await expect.poll(async () => (await readStoredScreenshot(panel.page, 3))?.mime).toBe('image/webp');
  const compressed = (await readStoredScreenshot(panel.page, 3))!;
  await expectFieldsMasked(panel.page, compressed, [emailBox, openInput, closedInput]);

  const { file } = await panel.export();
  expect(file.touchpoints.map((t) => t.source)).toEqual(['auto', 'auto', 'manual']);
});

test('a page that removes the masks before the screenshot is not captured, and the researcher is told', async ({
  panel,
  shop,
}) => {
  await panel.createStudy('Hostile', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Hal', 'Suspicious member', []);
  await panel.startJourney('Join', 'Become a member');
  // The page removes Touchtrail's mask layer as soon as it is added (tests/fixtures/site/pages/unmasking.html).
  await shop.open('unmasking.html');
  await shop.page.getByLabel('Member email').fill('member@example.com');
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.captureFailure).toContainText(
    'The page removed Touchtrail’s masks from its form fields as they were put on, so it was not captured',
  );
  await expect(panel.touchpoints).toHaveCount(0);

  // The same page, once it leaves the masks alone, is captured: the refusal was the removal's.
  await shop.page.getByRole('button', { name: 'Stop guarding the page' }).click();
  await expect(shop.page.getByRole('status')).toHaveText('Not guarding');
  await panel.capture();
  const { file } = await panel.export();
  // Nothing of the refused capture was stored: one touchpoint, numbered 1, with one screenshot.
  expect(file.touchpoints.map((t) => t.seq)).toEqual([1]);
  expect(file.screenshots.map((s) => s.touchpointId)).toEqual([file.touchpoints[0]!.id]);
});

/** Each field's box (CSS pixels) is covered by the mask's grey in the stored screenshot. */
async function expectFieldsMasked(page: Page, shot: StoredScreenshot, boxes: Region[]) {
  const scale = shot.width / VIEWPORT.width;
  for (const box of boxes) {
    const inDevicePixels = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
    const region = inset(inDevicePixels, 3);
    expect(
      await shareOfColour(page, shot, region, MASK_RGB),
      `${shot.mime} mask over ${JSON.stringify(box)}`,
    ).toBeGreaterThanOrEqual(0.97);
    // The mask's grey on average too, not a blank white field with a grey border.
    const { regionMean } = await inspectImage(page, shot.base64, shot.mime, region);
    regionMean!.forEach((value, channel) => expect(Math.abs(value - MASK_RGB[channel]!)).toBeLessThanOrEqual(6));
  }
}
