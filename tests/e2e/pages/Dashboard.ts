import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionSession } from '../support/browser';
import { PrivacySettings } from './PrivacySettings';

/** The dashboard tab, as the researcher uses it. */
export class Dashboard {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession, hash = '#/'): Promise<Dashboard> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html${hash}`);
    return new Dashboard(page);
  }

  async loadSample() {
    await this.page.getByRole('button', { name: 'Load sample study' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sample: car insurance quote' })).toBeVisible();
  }

  /** Opens a study's page from the sidebar. */
  async openStudy(name: string) {
    await this.page.getByRole('navigation', { name: 'Studies and journeys' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The study page's privacy settings, opened. */
  privacySettings(): Promise<PrivacySettings> {
    return new PrivacySettings(this.page).open();
  }

  async openJourney(title: string) {
    await this.page.getByRole('main').getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  get cards(): Locator {
    return this.page.getByTestId('timeline-card');
  }

  /** The titles of the cards shown, in order. */
  async titles(): Promise<string[]> {
    return (await this.cards.locator('.card-title').allTextContents()).map((t) => t.replace(/^\d+ · /, ''));
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.locator('.card-title', { hasText: title }) });
  }

  /** Picks a file in the home page's import area, as "Import a file…" does. */
  async importFile(name: string, bytes: Uint8Array) {
    await this.page
      .getByLabel('Touchtrail file to import')
      .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  }

  /** The import's refusal, once shown. */
  get importRefusal(): Locator {
    return this.page.getByRole('region', { name: 'Import' }).getByRole('alert');
  }

  /** The study page's allow list of unmasked fields, opened. */
  async allowList(): Promise<Locator> {
    await this.page.getByText(/^Fields shown unmasked in this study/).click();
    return this.page.getByLabel(/CSS selectors of fields safe to show/);
  }

  /** The study page's stage names, in order. */
  stageNames(): Promise<string[]> {
    return this.page
      .getByRole('group', { name: 'Journey stages' })
      .getByRole('textbox')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  /** On the compare page: one figure of one stage, a cell per journey compared. */
  compareCells(stage: string, figure: string): Locator {
    const rowHeader = (name: string) => this.page.getByRole('rowheader', { name, exact: true });
    return this.page
      .getByRole('rowgroup')
      .filter({ has: rowHeader(stage) })
      .getByRole('row')
      .filter({ has: rowHeader(figure) })
      .getByRole('cell');
  }

  async undo() {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }
}
