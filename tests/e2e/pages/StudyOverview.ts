import { expect, type Locator, type Page } from '@playwright/test';

/** The study overview: the stage × journey heat map, its filters and the top friction. */
export class StudyOverview {
  constructor(readonly page: Page) {}

  /** Opens it from the study page the dashboard shows. */
  static async open(page: Page): Promise<StudyOverview> {
    await page.getByRole('main').getByRole('link', { name: 'Study overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Study overview' })).toBeVisible();
    return new StudyOverview(page);
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  /** The stages, as the column headers say them. */
  async stages(): Promise<string[]> {
    return (await this.table.getByRole('columnheader').allInnerTexts()).slice(1).map((t) => t.trim());
  }

  /** Each journey shown (the link in its row header) with its cells' text as read aloud, in order. */
  async rows(): Promise<{ journey: string; cells: string[] }[]> {
    const rows = await this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader') })
      .all();
    return Promise.all(
      rows.map(async (row) => ({
        journey: (await row.getByRole('rowheader').getByRole('link').innerText()).trim(),
        cells: (await row.getByRole('cell').allTextContents()).map((t) => t.trim()),
      })),
    );
  }

  /** The cell of a journey at a stage: a link to that journey's touchpoints of that stage. */
  async cell(journey: string, stage: string): Promise<Locator> {
    const column = (await this.stages()).indexOf(stage);
    expect(column, `a column for ${stage}`).toBeGreaterThanOrEqual(0);
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: journey }) });
    return row.getByRole('cell').nth(column);
  }

  async filterBy(name: 'Persona' | 'Site', option: string) {
    await this.page.getByRole('search', { name: 'Filter journeys' }).getByLabel(name).selectOption({ label: option });
  }

  /** The top friction, one item per kind, worst first. */
  topFriction(): Locator {
    return this.page.getByRole('region', { name: 'Top friction' }).getByRole('list').first().locator(':scope > li');
  }

  /** What each kind of friction is: "Major · Purchase · Slow · 3 of 4 journeys". */
  topFrictionHeadings(): Locator {
    return this.topFriction().locator('.top-friction-heading');
  }
}
