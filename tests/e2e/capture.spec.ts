import { expect, test } from './fixtures';
import { inset, inspectImage } from './support/images';
import type { SidePanel } from './pages/SidePanel';
import type { ShopPage } from './pages/ShopPage';
import { addCopiesOfHomePage } from './support/many-touchpoints';

async function startWalk(panel: SidePanel, shop: ShopPage) {
  await panel.createStudy('Capture checks', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder', 'Buy the same boots again');
}

test('with masking switched off, what the persona typed shows in the screenshot', async ({ panel, shop }) => {
  await startWalk(panel, shop);
  await panel.setMasking(false);
  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('visible@example.com');
  const emailBox = await shop.fieldBoxInScreenshot('Email');
  await panel.capture();

  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const inside = await inspectImage(panel.page, shot.image, shot.mime, inset(emailBox, 3));
  // Dark glyphs on a white field: the pixels are far from uniform.
  expect(Math.max(...inside.regionSpread!)).toBeGreaterThan(100);
  expect(file.journeys[0]?.masking).toBe(false);
  // Stored as captured, then compacted off the critical path: WebP and a 320-pixel thumbnail.
  expect([shot.mime, shot.thumbnailMime]).toEqual(['image/webp', 'image/webp']);
  expect((await inspectImage(panel.page, shot.thumbnail, shot.thumbnailMime)).width).toBe(320);
});

test('fields on the study allow-list show unmasked; the others stay masked', async ({ panel, shop }) => {
  await startWalk(panel, shop);
  await panel.page.getByText('Fields shown unmasked in this study').click();
  const selectors = panel.page.getByLabel(/CSS selectors of fields safe to show/);
  await selectors.fill('#name, [[broken');
  await selectors.blur();
  await expect(panel.page.getByRole('alert')).toContainText('Not a valid CSS selector: #name, [[broken');
  await selectors.fill('#name');
  await selectors.blur();
  await expect(panel.page.getByText('Fields shown unmasked in this study (1)')).toBeVisible();

  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('hidden@example.com');
  await shop.page.getByLabel('Full name').fill('Dana Visible');
  const emailBox = await shop.fieldBoxInScreenshot('Email');
  const nameBox = await shop.fieldBoxInScreenshot('Full name');
  await panel.capture();

  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const email = await inspectImage(panel.page, shot.image, shot.mime, inset(emailBox, 3));
  const name = await inspectImage(panel.page, shot.image, shot.mime, inset(nameBox, 3));
  expect(Math.max(...email.regionSpread!)).toBeLessThanOrEqual(12);
  expect(Math.max(...name.regionSpread!)).toBeGreaterThan(100);
  expect(file.study.maskAllowList).toEqual(['#name']);
});

test('six captures requested within one second are all saved, in order', async ({ panel, shop }) => {
  await startWalk(panel, shop);
  const requestedAt = Date.now();
  await panel.page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Capture touchpoint'))!;
    for (let i = 0; i < 6; i++) {
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  expect(Date.now() - requestedAt).toBeLessThan(1000);
  await expect(panel.touchpoints).toHaveCount(6, { timeout: 15_000 });
  await expect(panel.page.getByRole('alert')).toHaveCount(0);

  const { file } = await panel.export();
  expect(file.touchpoints.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  const times = file.touchpoints.map((t) => t.capturedAt);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(file.screenshots).toHaveLength(6);
});

test('a capture of a browser page explains why it failed and saves nothing', async ({ panel, shop }) => {
  await startWalk(panel, shop);
  await shop.page.goto('chrome://version');
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.page.getByRole('alert')).toContainText('browser page');
  await expect(panel.touchpoints).toHaveCount(0);

  // Back on a web page, capture works again and numbering starts at 1.
  await panel.page.getByRole('button', { name: 'Dismiss' }).click();
  await shop.open('help.html');
  await panel.capture();
  await expect(panel.touchpoint(1)).toBeVisible();
});

test('a page that did not load: the panel says why, Try again captures it once it is back, and the problem can be reported', async ({
  panel,
  shop,
}) => {
  await startWalk(panel, shop);
  const address = await shop.openSiteThatDoesNotLoad();
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.captureFailure).toContainText('The page did not load');
  await expect(panel.touchpoints).toHaveCount(0);

  // The researcher goes back to the shop in the same tab and tries again from the message.
  await shop.open('help.html');
  await panel.tryAgain();
  await expect(panel.touchpoint(1)).toBeVisible();
  await expect(panel.captureFailure).toHaveCount(0);

  // The failure stays listed, with the page's address, to copy into a report.
  await panel.openCaptureProblems(1);
  await expect(panel.captureProblems.first()).toContainText(address);
  await expect(panel.captureProblems.first()).toContainText('The page did not load');
  const copied = await panel.copyCaptureProblems();
  expect(copied).toMatch(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tcapture\thttp:\/\/127\.0\.0\.1:1\/\tThe page did not load[^\n]*$/,
  );

  await panel.clearCaptureProblems();
  await panel.undo();
  await panel.openCaptureProblems(1);
  await expect(panel.captureProblems.first()).toContainText(address);
});

test('captures of a tab closed before their turn fail with a reason and leave no half record', async ({
  panel,
  shop,
  session,
}) => {
  await startWalk(panel, shop);
  // A second tab keeps the window open once the walked tab is closed.
  const other = await session.context.newPage();
  await shop.page.bringToFront();
  const button = panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true });
  await button.click();
  await button.click();
  await button.click();
  await shop.page.close();
  await expect(panel.page.getByRole('alert')).toContainText('tab was closed');
  await expect(panel.page.getByText(/Capturing…/)).toHaveCount(0);
  const { file } = await panel.export();
  expect(file.touchpoints.length).toBeLessThan(3);
  expect(file.screenshots.map((s) => s.touchpointId).sort()).toEqual(file.touchpoints.map((t) => t.id).sort());
  await other.close();
});

test('a deleted touchpoint comes back with Undo, screenshot and all', async ({ panel, shop }) => {
  await startWalk(panel, shop);
  await panel.capture();
  await panel.annotate(1, { notes: 'Hero image hides the search box', severity: 'Minor' });
  await panel.deleteTouchpoint(1);
  await expect(panel.touchpoints).toHaveCount(0);
  await expect(panel.page.getByRole('status').getByText('Touchpoint 1 deleted')).toBeVisible();
  await panel.undo();
  await expect(panel.touchpoints).toHaveCount(1);
  await panel.expand(1);
  await expect(panel.touchpoint(1).getByLabel('Friction notes')).toHaveValue('Hero image hides the search box');
  await expect(panel.touchpoint(1).getByRole('img')).toBeVisible();
});

test('annotations survive closing and reopening the panel; pause stops capture', async ({ panel, shop, session }) => {
  await startWalk(panel, shop);
  await panel.capture();
  await panel.annotate(1, { title: 'Landing page', notes: 'Free returns promise is clear' });
  await panel.page.close();

  const { openSidePanel } = await import('./support/browser');
  const { SidePanel } = await import('./pages/SidePanel');
  const reopened = new SidePanel(await openSidePanel(session));
  await reopened.expand(1);
  await expect(reopened.touchpoint(1).getByLabel('Title')).toHaveValue('Landing page');
  await expect(reopened.touchpoint(1).getByLabel('Friction notes')).toHaveValue('Free returns promise is clear');

  await reopened.page.getByRole('button', { name: 'Pause' }).click();
  await expect(reopened.page.getByRole('button', { name: 'Capture touchpoint', exact: true })).toHaveCount(0);
  await reopened.page.getByRole('button', { name: 'Resume' }).click();
  await reopened.capture();
  await expect(reopened.touchpoints).toHaveCount(2);
});

test('opening the panel mid-journey never tells pages that the journey stopped', async ({ panel, shop, session }) => {
  await startWalk(panel, shop);
  await panel.page.close();
  // The worker notes every change of the recording state that pages follow (storage events keep order).
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as RecordingStateWatch;
    scope.recordingStates = [];
    scope.chrome.storage.onChanged.addListener((changes) => {
      if ('recordingState' in changes) scope.recordingStates.push(changes.recordingState?.newValue ?? null);
      if ('sentinel' in changes) scope.sentinelSeen = true;
    });
  });

  const { openSidePanel } = await import('./support/browser');
  const { SidePanel } = await import('./pages/SidePanel');
  const reopened = new SidePanel(await openSidePanel(session));
  await expect(reopened.page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Written after anything the panel wrote while opening, so seen after it by the worker.
  await reopened.page.evaluate(() =>
    (globalThis as unknown as RecordingStateWatch).chrome.storage.local.set({ sentinel: Date.now() }),
  );
  await expect
    .poll(() => session.worker.evaluate(() => (globalThis as unknown as RecordingStateWatch).sentinelSeen === true))
    .toBe(true);
  const seen = await session.worker.evaluate(() => (globalThis as unknown as RecordingStateWatch).recordingStates);
  expect(seen.filter((state) => !(state as { recording?: boolean } | null)?.recording)).toEqual([]);
});

interface RecordingStateWatch {
  recordingStates: unknown[];
  sentinelSeen?: boolean;
  chrome: {
    storage: {
      onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
      local: { set(items: Record<string, unknown>): Promise<void> };
    };
  };
}

test('a long journey opens in the side panel with the thumbnails in view; the others are read as they scroll in', async ({
  panel,
  shop,
}) => {
  await startWalk(panel, shop);
  await panel.capture();
  await expect(panel.touchpoint(1).locator('img.thumb')).toBeVisible();
  const firstTitle = (await panel.touchpoint(1).locator('img.thumb').getAttribute('alt'))!.replace('Screenshot: ', '');
  await addCopiesOfHomePage(panel.page, 40, firstTitle);
  await panel.page.reload();
  await expect(panel.touchpoints).toHaveCount(41);

  // The newest, at the top, shows its picture; the first capture, 40 cards further down, is not read yet.
  await expect(panel.touchpoint(140).locator('img.thumb')).toBeVisible();
  const first = panel.touchpoint(1);
  await expect(first.getByRole('img', { name: `Screenshot: ${firstTitle}` })).toBeAttached();
  await expect(first.locator('img.thumb')).toHaveCount(0);
  await first.scrollIntoViewIfNeeded();
  await expect(first.locator('img.thumb')).toBeVisible();
});
