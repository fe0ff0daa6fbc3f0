import type { Locator, Page } from '@playwright/test';

/** The charts at the top of a journey's metrics tab, each with its table alternative. */
export class MetricsCharts {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Metrics' }).click();
  }

  figure(title: string): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  picture(title: string): Locator {
    return this.figure(title).getByRole('img');
  }

  /** The words drawn in the chart's picture (labels, values), in document order. */
  async drawnText(title: string): Promise<string[]> {
    return this.picture(title).locator('text').allTextContents();
  }

  /** Opens the chart's table and returns its body rows as lists of cell texts. */
  async table(title: string): Promise<string[][]> {
    const figure = this.figure(title);
    await figure.locator('summary').click();
    const rows = figure.getByRole('table').locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
  }
}
