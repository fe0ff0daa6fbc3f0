import { expect, test } from './fixtures';
import type { ExtensionSession } from './support/browser';
import { inset, inspectImage } from './support/images';
import { MASK_COLOUR } from '../../lib/page-agent/masks';

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);

// Every kind of form field on tests/fixtures/site/pages/fields.html, each with what the persona
// typed (or picked) in it: none of it may reach a screenshot while masking is at its default.
const FIELDS: { label: string; fill: string }[] = [
  { label: 'Nickname', fill: 'WWWWWWWWWWWWWWWWWW' },
  { label: 'Contact email', fill: 'dana.private@example.com' },
  { label: 'Password', fill: 'hunter2-hunter2-hunter2' },
  { label: 'Phone', fill: '+64 21 555 0199 8888' },
  { label: 'Shoe size', fill: '88888888888888' },
  { label: 'Delivery notes', fill: 'Leave behind the blue gate, code 4417' },
  { label: 'Gift message', fill: 'Happy birthday MMMMMMMM' },
];

test('masking is on by default and covers every kind of form field', async ({ panel, shop }) => {
  await panel.createStudy('Masking', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', []);
  await panel.startJourney('Account', 'Update account details');
  // The switch is left alone: it must start on.
  await expect(panel.page.getByRole('switch', { name: 'Mask fields and personal data in screenshots' })).toBeChecked();

  await shop.open('fields.html');
  for (const { label, fill } of FIELDS) await shop.page.getByLabel(label, { exact: true }).fill(fill);
  await shop.page.getByLabel('Country', { exact: true }).selectOption({ label: 'New Zealand' });
  await expect(shop.page.getByLabel('Gift message', { exact: true })).toHaveText(/Happy birthday/);
  await expect(shop.page.getByLabel('Country', { exact: true })).toHaveValue('nz');

  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const label of [...FIELDS.map((f) => f.label), 'Country']) {
    // Every field must be wholly inside the viewport, or the capture could not show it.
    await expect(shop.page.getByLabel(label, { exact: true })).toBeInViewport({ ratio: 1 });
    boxes.set(label, await shop.fieldBoxInScreenshot(label));
  }
  await panel.capture();

  const { file } = await panel.export();
  expect(file.journeys[0]?.masking).toBe(true);
  const shot = file.screenshots[0]!;
  for (const [label, box] of boxes) {
    const region = await inspectImage(panel.page, shot.image, shot.mime, inset(box, 3));
    // A uniform box, not text on a white field…
    expect(Math.max(...region.regionSpread!), `spread inside "${label}"`).toBeLessThanOrEqual(12);
    // …and the mask's grey, so the mask really lies over the field.
    region.regionMean!.forEach((value, channel) =>
      expect(Math.abs(value - MASK_RGB[channel]!), `mean colour inside "${label}"`).toBeLessThanOrEqual(6),
    );
  }
});

/** Makes captureVisibleTab hand back, `times` times, a frame taken just now (before any masks). */
async function serveStaleFrames(session: ExtensionSession, times: number) {
  await session.worker.evaluate(async (times) => {
    const scope = globalThis as unknown as StaleFrame;
    const tabs = scope.chrome.tabs;
    scope.takeFrame ??= tabs.captureVisibleTab.bind(tabs);
    const take = scope.takeFrame;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    const stale = await take(tab!.windowId, { format: 'png' });
    let left = times;
    tabs.captureVisibleTab = async (...args) => (left-- > 0 ? stale : take(...args));
  }, times);
}

test('a screenshot the browser painted before the masks showed is never kept: taken again up to five times, else refused', async ({
  panel,
  shop,
  session,
}) => {
  await panel.createStudy('Stale frame', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', []);
  await panel.startJourney('Account', 'Update account details');
  await shop.open('fields.html');
  await shop.page.getByLabel('Contact email', { exact: true }).fill('dana.private@example.com');
  // Seen in Chromium while a page re-lays out: captureVisibleTab returns a frame from before the
  // masks were painted. The worker hands back such a frame, taken just now, five times in a row.
  await serveStaleFrames(session, 5);
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.captureFailure).toContainText('from before Touchtrail’s masks showed');
  await expect(panel.touchpoints).toHaveCount(0);

  // Four times: the capture takes another picture by itself, four times, and keeps the fifth.
  await serveStaleFrames(session, 4);
  await panel.capture();
  await expect(panel.captureFailure).toHaveCount(0);
  const { file } = await panel.export();
  expect(file.screenshots).toHaveLength(1);
  const shot = file.screenshots[0]!;
  const field = await shop.fieldBoxInScreenshot('Contact email');
  const region = await inspectImage(panel.page, shot.image, shot.mime, inset(field, 3));
  region.regionMean!.forEach((value, channel) => expect(Math.abs(value - MASK_RGB[channel]!)).toBeLessThanOrEqual(6));
});

interface StaleFrame {
  takeFrame?: (...args: unknown[]) => Promise<string>;
  chrome: {
    tabs: {
      query(q: object): Promise<{ windowId: number }[]>;
      captureVisibleTab: (...args: unknown[]) => Promise<string>;
    };
  };
}
