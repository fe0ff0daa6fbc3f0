import { expect, type Locator, type Page } from '@playwright/test';

/** A study's privacy settings, as the side panel and the dashboard's study page show them. */
export class PrivacySettings {
  constructor(readonly page: Page) {}

  /** Opens the section (it starts folded, like the allow list). */
  async open(): Promise<this> {
    const summary = this.page.getByText(/^Privacy in this study’s screenshots/);
    if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
    await expect(this.switch('Mask all text')).toBeVisible();
    return this;
  }

  switch(name: 'Mask all text' | 'Hide images and media'): Locator {
    return this.page.getByRole('switch', { name });
  }

  get entryField(): Locator {
    return this.page.getByLabel('Words or /pattern/ to always mask');
  }

  /** Types an "always mask" entry and presses Enter. */
  async addAlwaysMask(text: string) {
    await this.entryField.fill(text);
    await this.entryField.press('Enter');
  }

  /** The entries listed, in order. */
  alwaysMasked(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Always masked' }).getByRole('listitem').allTextContents();
  }

  async removeAlwaysMask(text: string) {
    await this.page.getByRole('button', { name: `Stop always masking ${text}`, exact: true }).click();
  }
}
