import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { CorpusPage } from '../../fixtures/corpus/pages';
import { MASK_COLOUR } from '../../../lib/page-agent/masks';
import { pageAgentJoined, type ExtensionSession } from '../support/browser';
import { inset, shareOfColour, type Region } from '../support/images';
import {
  readStoredScreenshot,
  readStoredTouchpoints,
  type StoredScreenshot,
  type StoredTouchpoint,
} from '../support/stored-screenshots';
import type { SidePanel } from './SidePanel';

const MASK_RGB = MASK_COLOUR.match(/\d+/g)!.map(Number);
/** What the persona types into every field: a card number, which must never reach a screenshot. */
export const SECRET = '4111 1111 1111 1111';

/** How long a step waits for an element to be there and actionable before it counts as a miss. */
const ACTION_MS = 10_000;

export const CAPTURE_PATHS = ['capture', 'masking', 'pick', 'full page', 'auto-record'] as const;
export type CapturePath = (typeof CAPTURE_PATHS)[number];

/** The page's viewport in CSS pixels (zoom included). */
interface Viewport {
  width: number;
  height: number;
}

/**
 * One corpus page walked through every capture path, as a researcher with auto-record on would:
 * arrive (a draft), type into its fields and capture (masks judged from the stored pixels), pick
 * an element, capture the full page, click something (a draft). Each path's outcome is kept,
 * so that one page's failure does not hide the others'.
 */
export class CorpusWalk {
  readonly outcomes = new Map<CapturePath, string>();
  private lastSeq = 0;
  /** The panel's failure message already reported (it stays until a capture succeeds). */
  private static seenAlert = '';

  constructor(
    private readonly session: ExtensionSession,
    private readonly panel: SidePanel,
    private readonly tab: Page,
    private readonly page: CorpusPage,
    /** Image pixels per CSS pixel that this browser's captures have (not always devicePixelRatio). */
    private readonly scale: number,
    private readonly zoom?: number,
  ) {}

  async arrive(url: string) {
    this.lastSeq = (await readStoredTouchpoints(this.panel.page)).at(-1)?.seq ?? 0;
    await this.tab.emulateMedia({ colorScheme: this.page.colorScheme ?? 'light' });
    await this.tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (this.zoom) await this.setZoom(this.zoom);
    await pageAgentJoined(this.session, this.tab);
    // Arriving is an auto-recorded draft of the page.
    await this.run('auto-record', async () => {
      const arrival = await this.nextTouchpoint('the arrival draft', (t) => t.source === 'auto' && !t.element);
      expect(arrival.url, 'the arrival draft has the page address').toBe(this.tab.url());
    });
  }

  /** Types the secret into every field the page has, captures, and judges the masks from the stored pixels. */
  async captureMasked() {
    let fields: Region[] = [];
    await this.run('masking', async () => {
      fields = await this.typeIntoFields();
    });
    let captured: StoredTouchpoint | undefined;
    await this.run('capture', async () => {
      await this.panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
      captured = await this.nextTouchpoint('the capture', (t) => t.source === 'manual');
      const viewport = await this.viewport();
      expect(captured.screenshot, 'the capture has a screenshot').toBeDefined();
      expect(captured.screenshot!.width, 'the viewport at the capture scale').toBe(
        Math.round(viewport.width * this.scale),
      );
      expect(captured.screenshot!.height).toBe(Math.round(viewport.height * this.scale));
      expect(captured.screenshot!.devicePixelRatio, 'the ratio stored is the image’s own').toBeCloseTo(this.scale, 2);
    });
    if (!this.page.field && !this.page.fieldHost && !this.page.frameFields) {
      this.outcomes.set('masking', 'no field');
      return;
    }
    await this.run('masking', async () => {
      if (!captured) throw new Error('no capture to judge');
      const viewport = await this.viewport();
      const shot = (await readStoredScreenshot(this.panel.page, captured.seq))!;
      const scale = shot.width / viewport.width;
      for (const box of fields) {
        const inShot = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
        const share = await shareOfColour(this.panel.page, shot, inset(inShot, 3), MASK_RGB);
        const where = `field at ${Math.round(box.x)},${Math.round(box.y)} (${shot.mime})`;
        if (share < 0.97) await this.attach('masking', shot);
        expect(share, `share of ${where} under the mask`).toBeGreaterThanOrEqual(0.97);
      }
    });
    // What was typed goes again, so that a filter field (say) leaves the page as it was.
    if (this.page.field)
      await this.tab
        .locator(this.page.field)
        .fill('', { timeout: ACTION_MS })
        .catch(() => undefined);
  }

  async pick() {
    await this.run('pick', async () => {
      await this.panel.page.getByRole('button', { name: 'Pick element' }).click();
      // Pick mode is on once the picker's layer is in the page (a researcher's hand is slower).
      await this.tab.locator('touchtrail-layer').waitFor({ state: 'attached', timeout: ACTION_MS });
      const target = this.tab.locator(this.page.pick);
      await target.hover({ timeout: ACTION_MS });
      await target.click({ timeout: ACTION_MS });
      const point = await this.nextTouchpoint('the picked element', (t) => t.source === 'picked');
      expect(point.element?.selector, 'the picked element has a selector').toBeTruthy();
      expect(point.element?.rect.width).toBeGreaterThan(0);
      expect(point.screenshot).toBeDefined();
    });
  }

  async fullPage() {
    await this.run('full page', async () => {
      await this.panel.page.getByRole('button', { name: 'Capture full page' }).click();
      const point = await this.nextTouchpoint('the full page', (t) => t.source === 'manual');
      const viewport = await this.viewport();
      const shot = point.screenshot!;
      expect(shot.width, 'as wide as the viewport').toBe(Math.round(viewport.width * this.scale));
      expect(shot.height, 'at least one viewport tall').toBeGreaterThanOrEqual(
        Math.round(viewport.height * this.scale) - 2,
      );
      if (this.page.features.includes('long-page')) {
        const notice = (await this.panel.notice.allInnerTexts()).join(' ');
        expect(
          shot.height,
          `a long page is stitched, not cut at the viewport (${shot.width}×${shot.height})${notice ? ` (the panel said: ${notice})` : ''}`,
        ).toBeGreaterThan(viewport.height * this.scale * 1.5);
      }
      const gaps = await this.gapRows(point.seq);
      expect(gaps, `rows left empty between frames: ${gaps.slice(0, 4).join(', ')}`).toEqual([]);
    });
  }

  async autoRecordClick() {
    await this.run('auto-record', async () => {
      await this.tab.locator(this.page.click).click({ timeout: ACTION_MS });
      const draft = await this.nextTouchpoint('the click draft', (t) => t.source === 'auto' && Boolean(t.element));
      expect(draft.draft).toBe(true);
      expect(draft.url, 'the draft has the page address').toBe(this.tab.url());
      expect(draft.screenshot, 'the draft has a screenshot').toBeDefined();
    });
  }

  /** Opens the page's modal dialog with its own button, and captures the page with the dialog over it. */
  async captureModal() {
    if (!this.page.modalOpener) return;
    await this.run('capture', async () => {
      await this.tab.locator(this.page.modalOpener!).click({ timeout: ACTION_MS });
      await this.panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
      const point = await this.nextTouchpoint('the capture with the dialog open', (t) => t.source === 'manual');
      expect(point.screenshot, 'the capture has a screenshot').toBeDefined();
    });
  }

  /** Keeps a stored screenshot with the test's results, to look at a miss. */
  private async attach(capturePath: CapturePath, shot: StoredScreenshot) {
    const name = `${this.page.id}-${capturePath.replace(' ', '-')}.${shot.mime.split('/')[1]}`;
    const file = test.info().outputPath(name);
    await writeFile(file, Buffer.from(shot.base64, 'base64'));
    await test.info().attach(name, { path: file, contentType: shot.mime });
  }

  /** Every path's outcome, 'ok' when it worked. */
  row(): Record<CapturePath, string> {
    return Object.fromEntries(CAPTURE_PATHS.map((path) => [path, this.outcomes.get(path) ?? 'not run'])) as Record<
      CapturePath,
      string
    >;
  }

  /** Runs one path's step; its first failure is kept, and later steps of that path are skipped. */
  private async run(path: CapturePath, work: () => Promise<void>) {
    const before = this.outcomes.get(path);
    if (before !== undefined && before !== 'ok') return;
    try {
      await work();
      this.outcomes.set(path, 'ok');
    } catch (error) {
      this.outcomes.set(path, firstLine(error));
    }
  }

  /** The next touchpoint stored after the last one seen that matches; the panel's error if the capture failed. */
  private async nextTouchpoint(what: string, matches: (t: StoredTouchpoint) => boolean): Promise<StoredTouchpoint> {
    let found: StoredTouchpoint | undefined;
    await expect
      .poll(
        async () => {
          // A new failure message in the panel ends the wait (one already dealt with does not).
          const alert = this.panel.page.locator('.error[role="alert"]').first();
          const message = (await alert.isVisible()) ? await alert.innerText() : '';
          if (message && message !== CorpusWalk.seenAlert) {
            CorpusWalk.seenAlert = message;
            throw new Error(`${what} failed: ${message}`);
          }
          if (!message) CorpusWalk.seenAlert = '';
          const points = await readStoredTouchpoints(this.panel.page);
          found = points.find((t) => t.seq > this.lastSeq && matches(t) && (t.screenshot || t.source === 'auto'));
          return Boolean(found);
        },
        { message: `${what} is stored`, timeout: 20_000 },
      )
      .toBe(true);
    this.lastSeq = Math.max(this.lastSeq, found!.seq);
    await expect(this.panel.page.locator('.capture-status')).toHaveText('', { timeout: 20_000 });
    return found!;
  }

  /** Types the secret into the page's fields; returns their boxes in the viewport (CSS pixels). */
  private async typeIntoFields(): Promise<Region[]> {
    const boxes: Region[] = [];
    if (this.page.field) {
      const field = this.tab.locator(this.page.field);
      await field.fill(SECRET, { timeout: ACTION_MS });
      boxes.push((await field.boundingBox())!);
    }
    if (this.page.fieldHost) {
      // Playwright cannot reach into a closed shadow root: click where its field is and type.
      const host = (await this.tab.locator(this.page.fieldHost.selector).boundingBox())!;
      const { x, y } = this.page.fieldHost.offset;
      await this.tab.mouse.click(host.x + x, host.y + y);
      await this.tab.keyboard.type(SECRET);
      boxes.push(host);
    }
    for (const { frame, field } of this.page.frameFields ?? []) {
      await this.tab.frameLocator(frame).locator(field).fill(SECRET, { timeout: ACTION_MS });
      boxes.push((await this.tab.frameLocator(frame).locator(field).boundingBox())!);
    }
    return boxes;
  }

  private viewport(): Promise<Viewport> {
    return this.tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  /** Rows of the stored image with transparent pixels in its middle column (gaps between stitched frames), of its height. */
  private async gapRows(seq: number): Promise<string[]> {
    const shot = (await readStoredScreenshot(this.panel.page, seq))!;
    return this.panel.page.evaluate(async ({ base64, mime }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const canvas = new OffscreenCanvas(1, bitmap.height);
      const context = canvas.getContext('2d')!;
      const x = Math.floor(bitmap.width / 2);
      context.drawImage(bitmap, x, 0, 1, bitmap.height, 0, 0, 1, bitmap.height);
      const { data } = context.getImageData(0, 0, 1, bitmap.height);
      const empty: string[] = [];
      for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) empty.push(`${(i - 3) / 4} of ${bitmap.height}`);
      return empty;
    }, shot);
  }

  private async setZoom(factor: number) {
    const url = this.tab.url();
    await this.session.worker.evaluate(
      async ({ url, factor }) => {
        const api = (globalThis as unknown as { chrome: ZoomApi }).chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url === url);
        if (tab?.id !== undefined) await api.tabs.setZoom(tab.id, factor);
      },
      { url, factor },
    );
    await expect.poll(() => this.tab.evaluate(() => devicePixelRatio)).toBeCloseTo(factor, 2);
  }
}

interface ZoomApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    setZoom(tabId: number, factor: number): Promise<void>;
  };
}

/** Terminal colour codes in Playwright's assertion messages. */
const COLOUR_CODES = new RegExp(String.fromCharCode(27) + '\\[\\d+m', 'g');

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text
    .replace(COLOUR_CODES, '')
    .split('\n')
    .find((part) => part.trim());
  return line?.trim().slice(0, 160) ?? 'failed';
}
