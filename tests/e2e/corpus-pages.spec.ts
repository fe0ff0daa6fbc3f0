import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { CORPUS_FEATURES, CORPUS_PAGES, type CorpusFeature, type CorpusPage } from '../fixtures/corpus/pages';
import { serveCorpus, type Corpus } from '../fixtures/corpus/server';
import { CHROMIUM_ARGS, findChromium, VIEWPORT } from './support/browser';

// The corpus the capture suites walk must be what its manifest says, page by page: it loads from
// the corpus servers alone, without errors, its claimed features are really there, and the
// elements it names for typing, picking and clicking are one visible element in the first
// viewport, at 1280×800 and at 125 % zoom (1024×640 CSS pixels).

/** A 1280×800 window at 125 % browser zoom shows 1024×640 CSS pixels. */
const ZOOMED_VIEWPORT = { width: 1024, height: 640 };

let corpus: Corpus;
let browser: Browser;
/** Each page's verified features, by page id; kept in a file, as a failed test restarts the worker. */
const verified = new Map<string, Map<CorpusFeature, boolean>>();
const resultsFile = (info: TestInfo) => join(info.project.outputDir, 'corpus-features.json');

test.beforeAll(async () => {
  corpus = await serveCorpus();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

test.afterAll(async () => {
  const info = test.info();
  await browser?.close();
  await corpus?.close();
  const file = resultsFile(info);
  const earlier = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, boolean>>)
    : {};
  for (const [id, results] of verified) earlier[id] = Object.fromEntries(results);
  mkdirSync(info.project.outputDir, { recursive: true });
  writeFileSync(file, JSON.stringify(earlier));
  printTable(earlier);
});

/** Whether `feature` is on the page; runs in the page, so it carries its own helpers. */
function probeFeature([feature, scrollContainer]: [CorpusFeature, string | undefined]): boolean {
  const roots = (): (Document | ShadowRoot)[] => {
    const found: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < found.length; i++)
      for (const element of found[i]!.querySelectorAll('*')) if (element.shadowRoot) found.push(element.shadowRoot);
    return found;
  };
  const all = (selector: string) => roots().flatMap((root) => [...root.querySelectorAll(selector)]);
  const shown = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const scroller = document.scrollingElement!;
  switch (feature) {
    case 'inline-svg':
      return all('svg').some(shown);
    case 'open-shadow-root':
      return roots().length > 1;
    case 'closed-shadow-root':
      return [...document.querySelectorAll('*')].some(
        (element) =>
          element.localName.includes('-') &&
          customElements.get(element.localName) !== undefined &&
          element.shadowRoot === null &&
          shown(element),
      );
    case 'inner-scroll-container': {
      const container = document.querySelector(scrollContainer ?? ':not(*)');
      return !!container && container.scrollHeight > container.clientHeight && scroller.scrollHeight <= innerHeight;
    }
    case 'fixed-or-sticky':
      return all('*').some(
        (element) => ['fixed', 'sticky'].includes(getComputedStyle(element).position) && shown(element),
      );
    case 'modal-dialog':
      return all('dialog:modal, [aria-modal="true"]').some(shown);
    case 'canvas':
      return [...document.querySelectorAll('canvas')].some((canvas) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
        return false;
      });
    case 'video':
      return [...document.querySelectorAll('video')].some((video) => video.readyState >= 2 && video.videoWidth > 0);
    case 'lazy-images':
      return document.querySelectorAll('img[loading="lazy"]').length > 0;
    case 'long-page': {
      const scrolling = scrollContainer ? document.querySelector(scrollContainer) : scroller;
      return !!scrolling && scrolling.scrollHeight >= 3 * innerHeight;
    }
    case 'rtl':
      return document.documentElement.dir === 'rtl' && getComputedStyle(document.body).direction === 'rtl';
    case 'dark-mode': {
      const paint = (element: Element) => getComputedStyle(element).backgroundColor;
      const background =
        paint(document.body) === 'rgba(0, 0, 0, 0)' ? paint(document.documentElement) : paint(document.body);
      const [r = 255, g = 255, b = 255] = (background.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.25;
    }
    default:
      return false;
  }
}

/**
 * What covers the page, in the document and in open shadow roots: shown modal dialogs, and shown
 * fixed layers over a fifth of the viewport.
 */
function countOverlays(): number {
  const elements: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      elements.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return elements.filter((element) => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    const large = box.width * box.height >= 0.2 * innerWidth * innerHeight;
    const modal = element.matches('dialog:modal, [aria-modal="true"]');
    return modal || (getComputedStyle(element).position === 'fixed' && large);
  }).length;
}

const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function expectOneInView(page: Page, what: string, selector: string) {
  const target = page.locator(selector);
  await expect(target, `${what} ${selector} names one element`).toHaveCount(1);
  await expect(target, `${what} ${selector} is visible`).toBeVisible();
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} ${selector} has a box`).not.toBeNull();
  const inView =
    box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= viewport.width && box!.y + box!.height <= viewport.height;
  expect(inView, `${what} ${selector} lies in the first ${viewport.width}×${viewport.height} viewport`).toBe(true);
}

async function expectElementsInView(page: Page, entry: CorpusPage) {
  if (entry.field) await expectOneInView(page, 'field', entry.field);
  if (entry.fieldHost) await expectOneInView(page, 'field host', entry.fieldHost.selector);
  for (const { frame, field } of entry.frameFields ?? []) {
    await expectOneInView(page, 'frame', frame);
    await expect(page.frameLocator(frame).locator(field), `field ${field} in ${frame}`).toBeVisible();
  }
  await expectOneInView(page, 'pick', entry.pick);
  await expectOneInView(page, 'click', entry.click);
}

async function expectFieldsTakeText(page: Page, entry: CorpusPage) {
  if (entry.field) {
    await page.locator(entry.field).fill('Corpus value');
    await expect(page.locator(entry.field)).toHaveValue('Corpus value');
  }
  for (const { frame, field } of entry.frameFields ?? []) {
    await page.frameLocator(frame).locator(field).fill('Framed value');
    await expect(page.frameLocator(frame).locator(field)).toHaveValue('Framed value');
  }
  if (entry.fieldHost) {
    const host = page.locator(entry.fieldHost.selector);
    await host.click({ position: entry.fieldHost.offset });
    await page.keyboard.type('4242 4242');
    // The card field's own test hook: how many digits it holds (its input is out of reach).
    await expect
      .poll(() => host.evaluate((element) => (element as HTMLElement & { digitCount: number }).digitCount))
      .toBe(8);
  }
}

async function expectHarmlessClick(page: Page, entry: CorpusPage) {
  const before = { url: page.url(), overlays: await page.evaluate(countOverlays) };
  await page.locator(entry.click).click();
  await nextFrames(page);
  expect(page.url(), `clicking ${entry.click} stays on the page`).toBe(before.url);
  expect(await page.evaluate(countOverlays), `clicking ${entry.click} opens nothing over the page`).toBeLessThanOrEqual(
    before.overlays,
  );
}

async function expectFramesLoaded(page: Page, feature: CorpusFeature) {
  const origin = feature === 'same-origin-iframe' ? corpus.origin : corpus.crossOrigin;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || !frame.url().startsWith(`${origin}/`)) continue;
        if ((await frame.locator('input[type="text"]').count()) > 0) return true;
      }
      return false;
    }, `a frame from ${origin} with a text field`)
    .toBe(true);
}

const softly = expect.configure({ soft: true });

async function verifyFeatures(page: Page, entry: CorpusPage) {
  const results = new Map<CorpusFeature, boolean>();
  verified.set(entry.id, results);
  for (const feature of entry.features) {
    if (feature === 'modal-dialog') continue; // last: it covers the page
    const errorsBefore = test.info().errors.length;
    if (feature === 'same-origin-iframe' || feature === 'cross-origin-iframe') await expectFramesLoaded(page, feature);
    else
      await softly
        .poll(
          () => page.evaluate(probeFeature, [feature, entry.scrollContainer] as [CorpusFeature, string | undefined]),
          {
            message: `${entry.id} has ${feature}`,
          },
        )
        .toBe(true);
    results.set(feature, test.info().errors.length === errorsBefore);
  }
}

async function verifyModal(page: Page, entry: CorpusPage) {
  if (!entry.features.includes('modal-dialog')) return;
  const errorsBefore = test.info().errors.length;
  if (entry.modalOpener) await page.locator(entry.modalOpener).click();
  await softly
    .poll(() => page.evaluate(probeFeature, ['modal-dialog', undefined] as [CorpusFeature, undefined]), {
      message: `${entry.id} shows a modal dialog`,
    })
    .toBe(true);
  verified.get(entry.id)!.set('modal-dialog', test.info().errors.length === errorsBefore);
}

for (const entry of CORPUS_PAGES) {
  test(`${entry.id}: loads offline and has what the manifest says`, async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: entry.colorScheme ?? 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    const corpusOrigins = [corpus.origin, corpus.crossOrigin].map((origin) => `${origin}/`);
    context.on('request', (request) => {
      const url = request.url();
      if (!corpusOrigins.some((origin) => url.startsWith(origin)) && !/^(data|blob):/.test(url))
        problems.push(`request outside the corpus: ${url}`);
    });
    context.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    context.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    try {
      await page.goto(corpus.url(entry.id));
      // Shoelace and the Vue routes render after load: wait for their elements to be defined and shown.
      await page.waitForFunction(() => document.querySelectorAll(':not(:defined)').length === 0);
      await page.locator(entry.pick).first().waitFor();

      await verifyFeatures(page, entry);
      await expectElementsInView(page, entry);
      await page.setViewportSize(ZOOMED_VIEWPORT);
      await expectElementsInView(page, entry);
      await page.setViewportSize(VIEWPORT);
      await expectFieldsTakeText(page, entry);
      await expectHarmlessClick(page, entry);
      await verifyModal(page, entry);
      await page.waitForLoadState('networkidle');
      expect(problems, 'requests and page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
}

function printTable(verified: Record<string, Record<string, boolean>>) {
  const short: Record<CorpusFeature, string> = {
    'inline-svg': 'svg',
    'open-shadow-root': 'open',
    'closed-shadow-root': 'closed',
    'same-origin-iframe': 'if=',
    'cross-origin-iframe': 'if≠',
    'inner-scroll-container': 'inner',
    'fixed-or-sticky': 'fixed',
    'modal-dialog': 'modal',
    canvas: 'canvas',
    video: 'video',
    'lazy-images': 'lazy',
    'long-page': 'long',
    rtl: 'rtl',
    'dark-mode': 'dark',
  };
  const width = Math.max(...CORPUS_PAGES.map((page) => page.id.length));
  const lines = [[''.padEnd(width), ...CORPUS_FEATURES.map((feature) => short[feature])].join(' ')];
  for (const entry of CORPUS_PAGES) {
    const results = verified[entry.id];
    const cells = CORPUS_FEATURES.map((feature) => {
      const mark = !entry.features.includes(feature)
        ? '·'
        : results?.[feature] === true
          ? '✓'
          : results?.[feature] === false
            ? '✗'
            : '?';
      return mark.padEnd(short[feature].length);
    });
    lines.push([entry.id.padEnd(width), ...cells].join(' '));
  }
  console.log(`\nCorpus pages × features (✓ verified, ✗ failed, ? not reached, · not claimed)\n${lines.join('\n')}`);
}
