import { expect, type Locator, type Page } from '@playwright/test';
import { exportFile, type ExportFile } from '../../../lib/export/format';
import { readExtensionStorage } from '../support/browser';
import { PrivacySettings } from './PrivacySettings';

export interface Annotation {
  title?: string;
  stage?: string;
  channel?: string;
  owner?: string;
  severity?: string;
  categories?: string[];
  notes?: string;
  emotion?: string;
  momentOfTruth?: boolean;
  key?: boolean;
  /** Scores 1–5 by consideration name ("Appropriateness": "4"). */
  considerations?: Partial<Record<'Appropriateness' | 'Relevance' | 'Meaningfulness' | 'Endearment', string>>;
}

/** The Touchtrail side panel, as the researcher uses it. */
export class SidePanel {
  constructor(readonly page: Page) {}

  /**
   * Turns auto-record on or off, and waits until pages can know (the recording state they read
   * says so): the switch shows at once, the journey is saved and the state published just after.
   */
  async setAutoRecord(on: boolean) {
    const toggle = this.page.getByRole('switch', { name: 'Auto-record clicks and pages as drafts' });
    await (on ? toggle.check() : toggle.uncheck());
    await expect
      .poll(async () => {
        const state = (await readExtensionStorage(this.page, 'recordingState')) as { autoRecord?: boolean } | null;
        return state?.autoRecord === true;
      })
      .toBe(on);
  }

  get touchpoints(): Locator {
    return this.page.getByTestId('touchpoint');
  }

  /** The friction signals listed at a touchpoint, of one kind ("Rage click"). */
  signals(seq: number, kind: string): Locator {
    return this.touchpoint(seq)
      .getByRole('list', { name: 'Detected friction' })
      .getByRole('listitem')
      .filter({ hasText: kind });
  }

  /** The line that names the page "Capture touchpoint" takes. */
  get captureTarget(): Locator {
    return this.page.locator('.capture-target');
  }

  touchpoint(seq: number): Locator {
    return this.page.locator(`[data-testid="touchpoint"][data-seq="${seq}"]`);
  }

  async createStudy(name: string, company: string, siteUrl: string) {
    await this.page.getByLabel('Study name').fill(name);
    await this.page.getByLabel('Company').fill(company);
    await this.page.getByLabel('Site URL').fill(siteUrl);
    await this.page.getByRole('button', { name: 'Create study' }).click();
  }

  async createPersona(name: string, summary: string, goals: string[]) {
    await this.page.getByLabel('Persona name').fill(name);
    await this.page.getByLabel('Summary').fill(summary);
    await this.page.getByLabel('Goals (one per line)').fill(goals.join('\n'));
    await this.page.getByRole('button', { name: 'Create persona' }).click();
  }

  async startJourney(title: string, scenario: string) {
    await this.page.getByLabel('Journey title').fill(title);
    await this.page.getByLabel('Scenario').fill(scenario);
    await this.page.getByRole('button', { name: 'Start journey' }).click();
    await expect(this.page.getByRole('button', { name: 'Capture touchpoint', exact: true })).toBeVisible();
  }

  /** Pauses or resumes the journey with the panel's button, and waits until the panel shows it. */
  async setRecording(recording: boolean) {
    const button = this.page.getByRole('button', { name: recording ? 'Resume' : 'Pause', exact: true });
    if (await button.isVisible()) await button.click();
    await expect(this.page.getByRole('button', { name: recording ? 'Pause' : 'Resume', exact: true })).toBeVisible();
  }

  /** Presses "Capture touchpoint" and waits until the new touchpoint is listed. */
  async capture() {
    const before = await this.touchpoints.count();
    await this.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
    await expect(this.touchpoints).toHaveCount(before + 1);
    await expect(this.touchpoints.first().getByRole('img')).toBeVisible();
    // The queue empties once the screenshot is compacted to WebP.
    await expect(this.page.locator('.capture-status')).toHaveText('');
  }

  /** The panel's message about the last capture that failed. */
  get captureFailure(): Locator {
    return this.page.getByRole('region', { name: 'Capture' }).getByRole('alert');
  }

  /** Presses "Try again" on that message and waits until the new touchpoint is listed. */
  async tryAgain() {
    const before = await this.touchpoints.count();
    await this.captureFailure.getByRole('button', { name: 'Try again' }).click();
    await expect(this.touchpoints).toHaveCount(before + 1);
    await expect(this.page.locator('.capture-status')).toHaveText('');
  }

  get captureProblems(): Locator {
    return this.page.getByTestId('capture-problem');
  }

  /** Opens "Recent capture problems (N)", which shows only while there are some. */
  async openCaptureProblems(count: number) {
    const summary = this.page.getByText(`Recent capture problems (${count})`, { exact: true });
    await expect(summary).toBeVisible();
    await summary.click();
    await expect(this.captureProblems).toHaveCount(count);
  }

  /** Copies the problems and returns what the clipboard then holds. */
  async copyCaptureProblems(): Promise<string> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.getByRole('button', { name: 'Copy capture problems' }).click();
    await expect(this.page.getByRole('status').getByText(/^Copied \d+ capture problems?$/)).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async clearCaptureProblems() {
    await this.page.getByRole('button', { name: 'Clear capture problems' }).click();
    await expect(this.page.getByText(/^Recent capture problems/)).toHaveCount(0);
  }

  /** Presses "Capture full page" and waits until the touchpoint is listed and the queue is empty. */
  async captureFullPage() {
    const before = await this.touchpoints.count();
    await this.page.getByRole('button', { name: 'Capture full page' }).click();
    await expect(this.touchpoints).toHaveCount(before + 1, { timeout: 20_000 });
    await expect(this.page.locator('.capture-status')).toHaveText('', { timeout: 20_000 });
  }

  /** The sentence the panel shows after a capture that did not go entirely as asked. */
  get notice(): Locator {
    return this.page.locator('.notice');
  }

  async addOffsiteTouchpoint() {
    const before = await this.touchpoints.count();
    await this.page.getByRole('button', { name: 'Add off-site touchpoint' }).click();
    await expect(this.touchpoints).toHaveCount(before + 1);
  }

  async expand(seq: number) {
    const toggle = this.touchpoint(seq).locator('button[aria-expanded]');
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  async annotate(seq: number, values: Annotation) {
    await this.expand(seq);
    const card = this.touchpoint(seq);
    if (values.title !== undefined) await card.getByLabel('Title').fill(values.title);
    if (values.stage) await card.getByLabel('Stage').selectOption({ label: values.stage });
    if (values.channel) await card.getByLabel('Channel').selectOption({ label: values.channel });
    if (values.owner) await card.getByLabel('Owner').selectOption({ label: values.owner });
    if (values.severity) await card.getByLabel('Friction severity').selectOption({ label: values.severity });
    for (const category of values.categories ?? []) await card.getByRole('checkbox', { name: category }).check();
    if (values.notes !== undefined) await card.getByLabel('Friction notes').fill(values.notes);
    if (values.emotion) await card.getByRole('radio', { name: values.emotion }).check();
    if (values.momentOfTruth !== undefined)
      await card.getByRole('checkbox', { name: 'Moment of truth' }).setChecked(values.momentOfTruth);
    if (values.key !== undefined) await card.getByRole('checkbox', { name: 'Key touchpoint' }).setChecked(values.key);
    for (const [name, score] of Object.entries(values.considerations ?? {}))
      await card.getByRole('combobox', { name, exact: true }).selectOption(score);
  }

  /** The study's privacy settings, opened. */
  privacySettings(): Promise<PrivacySettings> {
    return new PrivacySettings(this.page).open();
  }

  async setMasking(on: boolean) {
    await this.page.getByRole('switch', { name: 'Mask fields and personal data in screenshots' }).setChecked(on);
  }

  async deleteTouchpoint(seq: number) {
    await this.page.getByRole('button', { name: `Delete touchpoint ${seq}` }).click();
  }

  async undo() {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }

  async endJourney() {
    await this.page.getByRole('button', { name: 'End journey' }).click();
    await expect(this.page.getByRole('heading', { name: /Journey ended/ })).toBeVisible();
  }

  /** Clicks an export button and returns the downloaded file, parsed and validated. */
  async export(buttonName = 'Export journey'): Promise<{ file: ExportFile; fileName: string; path: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: buttonName }).click();
    const done = await download;
    const path = await done.path();
    const { readFile } = await import('node:fs/promises');
    const file = exportFile.parse(JSON.parse(await readFile(path, 'utf8')));
    return { file, fileName: done.suggestedFilename(), path };
  }
}
