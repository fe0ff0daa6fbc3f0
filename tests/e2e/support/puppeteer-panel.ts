import type { Page } from 'puppeteer-core';

// The side panel driven through puppeteer-core, for the tests Playwright cannot drive (a stopped
// service worker, Firefox): the same steps as the SidePanel page object's setup.

export const button = (page: Page, name: string) => page.locator(`::-p-aria([name="${name}"][role="button"])`);
const byLabel = (page: Page, label: string) => page.locator(`::-p-aria(${label})`);

export interface Walk {
  study: string;
  siteUrl: string;
  persona: string;
  summary: string;
  journey: string;
  scenario: string;
}

/** Creates a study of the demo shop, a persona, and starts a journey. */
export async function startJourney(panel: Page, walk: Walk): Promise<void> {
  await byLabel(panel, 'Study name').fill(walk.study);
  await byLabel(panel, 'Company').fill('Northwind Outfitters');
  await byLabel(panel, 'Site URL').fill(walk.siteUrl);
  await button(panel, 'Create study').click();
  await byLabel(panel, 'Persona name').fill(walk.persona);
  await byLabel(panel, 'Summary').fill(walk.summary);
  await button(panel, 'Create persona').click();
  await byLabel(panel, 'Journey title').fill(walk.journey);
  await byLabel(panel, 'Scenario').fill(walk.scenario);
  await button(panel, 'Start journey').click();
}
