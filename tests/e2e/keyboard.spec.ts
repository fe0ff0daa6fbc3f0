import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The main story without a mouse: every control is reached with Tab (never clicked or focused
// by the test), and used with Enter, Space, arrows and typing.

/** Presses Tab until `target` has the focus; fails if it cannot be reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with Tab within ${limit} presses`).toBeFocused();
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test('a researcher walks, annotates, reviews and exports a journey with the keyboard alone', async ({
  panel,
  shop,
  session,
}) => {
  const side = panel.page;
  await typeInto(side, side.getByLabel('Study name'), 'Keyboard audit');
  await typeInto(side, side.getByLabel('Company'), 'Northwind Outfitters');
  await typeInto(side, side.getByLabel('Site URL'), shop.page.url());
  await tabTo(side, side.getByRole('button', { name: 'Create study' }));
  await side.keyboard.press('Enter');

  await typeInto(side, side.getByLabel('Persona name'), 'Kim');
  await typeInto(side, side.getByLabel('Summary'), 'Never touches a mouse');
  await tabTo(side, side.getByRole('button', { name: 'Create persona' }));
  await side.keyboard.press('Enter');

  await typeInto(side, side.getByLabel('Journey title'), 'Buy boots by keyboard');
  await typeInto(side, side.getByLabel('Scenario'), 'Find boots and reach the cart');
  await tabTo(side, side.getByRole('button', { name: 'Start journey' }));
  await side.keyboard.press('Enter');

  const capture = side.getByRole('button', { name: 'Capture touchpoint', exact: true });
  await tabTo(side, capture);
  await side.keyboard.press('Enter');
  await expect(panel.touchpoints).toHaveCount(1);
  await shop.followLink('Shop the collection');
  await tabTo(side, capture);
  await side.keyboard.press(' ');
  await expect(panel.touchpoints).toHaveCount(2);
  await expect(side.locator('.capture-status')).toHaveText('');

  // Annotate the newest touchpoint (its form is open): title, stage, emotion.
  const newest = panel.touchpoint(2);
  const title = newest.getByLabel('Title');
  await tabTo(side, title);
  await side.keyboard.press('ControlOrMeta+A');
  await side.keyboard.type('Collection page, found by keyboard');
  await tabTo(side, newest.getByLabel('Stage'));
  await side.keyboard.press('ArrowDown');
  await expect(newest.getByLabel('Stage')).not.toHaveValue('');
  await tabTo(side, newest.getByRole('radio').first());
  await side.keyboard.press('Space');
  await expect(newest.getByRole('radio', { checked: true })).toHaveCount(1);

  await tabTo(side, side.getByRole('button', { name: 'End journey' }));
  await side.keyboard.press('Enter');
  await expect(side.getByRole('heading', { name: /Journey ended/ })).toBeVisible();

  // Review in the dashboard: the timeline, a screenshot in the lightbox, the map, an export.
  const opened = session.context.waitForEvent('page');
  await tabTo(side, side.getByRole('button', { name: 'Open in dashboard' }));
  await side.keyboard.press('Enter');
  const dashboard = await opened;
  await dashboard.waitForLoadState('domcontentloaded');
  await dashboard.bringToFront();

  await tabTo(dashboard, dashboard.getByRole('link', { name: 'Timeline' }));
  await dashboard.keyboard.press('Enter');
  const card = dashboard.getByTestId('timeline-card').filter({ hasText: 'Collection page, found by keyboard' });
  await expect(card).toBeVisible();
  await tabTo(dashboard, card.getByRole('button', { name: /^View screenshot of/ }));
  await dashboard.keyboard.press('Enter');
  const lightbox = dashboard.getByRole('dialog');
  await expect(lightbox).toBeVisible();
  await dashboard.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);

  await tabTo(dashboard, dashboard.getByRole('link', { name: 'Journey map' }));
  await dashboard.keyboard.press('Enter');
  await expect(dashboard.getByRole('table', { name: /Journey map of Buy boots by keyboard/ })).toBeVisible();

  await tabTo(dashboard, dashboard.getByText('Export journey', { exact: true }));
  await dashboard.keyboard.press('Enter');
  const download = dashboard.waitForEvent('download');
  await tabTo(dashboard, dashboard.getByRole('button', { name: 'JSON', exact: true }));
  await dashboard.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});
