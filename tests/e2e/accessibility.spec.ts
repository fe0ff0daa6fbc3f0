import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import { StudyOverview } from './pages/StudyOverview';

/** The serious and critical violations axe-core finds on the page, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

test('the dashboard pages have no serious or critical accessibility violations', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  expect(await seriousViolations(dashboard.page)).toEqual([]); // empty home page
  await dashboard.loadSample();
  expect(await seriousViolations(dashboard.page)).toEqual([]); // study page
  await StudyOverview.open(dashboard.page);
  await expect(dashboard.page.getByRole('region', { name: 'Top friction' }).locator('img').first()).toBeVisible();
  expect(await seriousViolations(dashboard.page)).toEqual([]); // study overview
  await dashboard.page.getByRole('main').getByRole('link', { name: 'Sample: car insurance quote' }).click();
  await dashboard.openJourney('Northwind Insurance — first quote');
  await expect(dashboard.cards.first()).toBeVisible();
  await dashboard
    .card('Home page')
    .getByRole('button', { name: /^Edit touchpoint/ })
    .click();
  expect(await seriousViolations(dashboard.page)).toEqual([]); // timeline, one card open
  await dashboard.page.getByRole('button', { name: /^View screenshot of 2 Home page/ }).click();
  await expect(dashboard.page.getByRole('dialog')).toContainText('Home page');
  expect(await seriousViolations(dashboard.page)).toEqual([]); // the viewer
  await dashboard.page.keyboard.press('Escape');
  for (const view of ['Journey map', 'Metrics']) {
    await dashboard.page.getByRole('link', { name: view }).click();
    await expect(dashboard.page.getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page');
    expect(await seriousViolations(dashboard.page), view).toEqual([]);
  }
  // The metrics' charts and their opened tables, in the dark theme too.
  for (const summary of await dashboard.page.locator('.chart-table summary').all()) await summary.click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await dashboard.page.emulateMedia({ colorScheme });
    expect(await seriousViolations(dashboard.page), `Metrics with tables, ${colorScheme}`).toEqual([]);
  }
  await dashboard.page.emulateMedia({ colorScheme: 'light' });
  await dashboard.page.getByRole('link', { name: 'Compare', exact: true }).click();
  await dashboard.page.getByRole('checkbox', { name: 'Contoso Cover — first quote' }).check();
  await expect(dashboard.page.getByRole('heading', { name: 'Friction hotspots' })).toBeVisible();
  expect(await seriousViolations(dashboard.page)).toEqual([]);
});

test('the side panel has no serious or critical accessibility violations', async ({ panel, shop }) => {
  expect(await seriousViolations(panel.page)).toEqual([]); // setup
  await panel.createStudy('Accessibility', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await shop.openSiteThatDoesNotLoad();
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  await expect(panel.captureFailure).toBeVisible();
  await panel.openCaptureProblems(1);
  expect(await seriousViolations(panel.page)).toEqual([]); // a failed capture, the problems listed
  await shop.open();
  await panel.tryAgain();
  await panel.expand(1);
  await panel
    .touchpoint(1)
    .getByRole('button', { name: /Annotate & redact screenshot/ })
    .click();
  expect(await seriousViolations(panel.page)).toEqual([]); // walking, a card and its editor open
  await panel.page.keyboard.press('Escape');
  await panel.endJourney();
  expect(await seriousViolations(panel.page)).toEqual([]); // summary
});
