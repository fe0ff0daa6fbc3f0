import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { hostileExportFile, hostileStudy, markersIn, payloadById, XSS_PROBE_ORIGIN } from '../fixtures/xss-payloads';
import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import type { ExtensionSession } from './support/browser';

// Hostile text from an imported file and from a captured page must show as text, and never run,
// load or navigate anywhere, in the dashboard and in the side panel.

const PROBE_HOST = new URL(XSS_PROBE_ORIGIN).hostname;
/** Touchpoint titles to look for on the timeline: one or two of each kind that can be a title. */
const SAMPLE_TITLES = [
  'script-lower',
  'img-onerror',
  'iframe-srcdoc',
  'anchor-javascript',
  'javascript-url',
  'style-breakout',
  'attribute-double-quote',
  'title-breakout',
  'md-javascript-link',
  'csv-hyperlink',
  'xml-element-breakout',
  'bidi-override',
].map(payloadById);

interface Watch {
  dialogs: string[];
  probes: string[];
}

/** Records every dialog on every page of the context, and every request to the probe origin (aborted). */
async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = { dialogs: [], probes: [] };
  const onPage = (page: Page) =>
    page.on('dialog', (dialog) => {
      seen.dialogs.push(`${dialog.type()}: ${dialog.message()} (${page.url()})`);
      void dialog.dismiss().catch(() => undefined);
    });
  context.pages().forEach(onPage);
  context.on('page', onPage);
  await context.route(
    (url) => url.hostname === PROBE_HOST || url.hostname.endsWith(`.${PROBE_HOST}`),
    async (route) => {
      seen.probes.push(route.request().url());
      await route.abort();
    },
  );
  context.on('request', (request) => {
    if (request.url().includes(PROBE_HOST) && !seen.probes.includes(request.url())) seen.probes.push(request.url());
  });
  return seen;
}

/** Elements and attributes that could only have come from user data rendered as HTML. */
function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)}`;
    // The extension's own module scripts and styles are in <head>; nothing of this kind belongs in the body.
    for (const el of document.body.querySelectorAll(
      'script, iframe, object, embed, frame, frameset, base, meta, link, form[action], animate, set',
    ))
      found.push(describe(el));
    for (const el of document.querySelectorAll('script')) {
      const src = el.getAttribute('src');
      if (!src || !new URL(src, location.href).href.startsWith(location.origin)) found.push(describe(el));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name} on ${describe(el)}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)) {
          const value = attr.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
          if (/^(javascript|vbscript|data:text\/html)/.test(value) || value.includes('xss.invalid'))
            found.push(`${name}="${attr.value}" on ${describe(el)}`);
        }
      }
    }
    return found;
  });
}

/** Every check that holds on every page at every step. */
async function expectInert(page: Page, seen: Watch, where: string) {
  await expect(page.locator('body')).not.toBeEmpty();
  expect(await activeContent(page), `active content in ${where}`).toEqual([]);
  expect(seen.dialogs, `dialogs by ${where}`).toEqual([]);
  expect(seen.probes, `requests to ${XSS_PROBE_ORIGIN} by ${where}`).toEqual([]);
}

/** Imports the hostile study's JSON export through the dashboard, as a file picked from disk. */
async function importHostileStudy(session: ExtensionSession, seen: Watch): Promise<Dashboard> {
  const dir = await mkdtemp(join(tmpdir(), 'touchtrail-xss-'));
  try {
    const filePath = join(dir, 'hostile-study.json');
    await writeFile(filePath, JSON.stringify(hostileExportFile()));
    const dashboard = await Dashboard.open(session);
    await dashboard.page.getByLabel('Touchtrail file to import').setInputFiles(filePath);
    await expect(dashboard.page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(/\d+ added/);
    await expect(dashboard.page.getByRole('alert')).toHaveCount(0);
    await expectInert(dashboard.page, seen, 'the home page after import');
    return dashboard;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('every dashboard page shows an imported hostile study as text, and nothing in it runs', async ({ session }) => {
  const seen = await watch(session.context);
  const { study, personas, journeys } = hostileStudy();
  const [first, second] = journeys as [(typeof journeys)[0], (typeof journeys)[0]];
  const dashboard = await importHostileStudy(session, seen);
  const page = dashboard.page;

  // The study list and the study.
  const go = async (hash: string) => {
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  };
  await go('#/');
  await expect(page.getByRole('main').getByText(study.name, { exact: true }).first()).toBeVisible();
  await expectInert(page, seen, 'the home page');

  await go(`#/study/${study.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(study.name);
  for (const journey of journeys)
    await expect(page.getByRole('main').getByText(journey.title, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('main').getByText(personas[0]!.name, { exact: true }).first()).toBeVisible();
  await expectInert(page, seen, 'the study page');

  // Each journey's timeline, map and metrics.
  for (const journey of journeys) {
    await go(`#/journey/${journey.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(journey.title);
    await expect(dashboard.cards.first()).toBeVisible();
    await expectInert(page, seen, `the timeline of ${journey.title}`);
    await go(`#/journey/${journey.id}/map`);
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectInert(page, seen, `the map of ${journey.title}`);
    await go(`#/journey/${journey.id}/metrics`);
    await expectInert(page, seen, `the metrics of ${journey.title}`);
  }

  // Sample titles show as text on their timeline (found through the search, as the list is virtual).
  const touchpoints = hostileExportFile().touchpoints;
  for (const payload of SAMPLE_TITLES) {
    const point = touchpoints.find((t) => t.title === payload.text)!;
    await go(`#/journey/${point.journeyId}`);
    await page.getByLabel('Search titles and notes').fill(payload.marker);
    const title = dashboard.cards.locator('.card-title', { hasText: payload.marker });
    await expect(title.first(), `the title ${payload.id}`).toBeVisible();
    await expect(title.first()).toContainText(payload.marker);
    await expectInert(page, seen, `the timeline searched for ${payload.id}`);
  }

  // A card open for editing (its fields and URL), then the lightbox.
  await go(`#/journey/${first.id}`);
  await page
    .getByRole('button', { name: /^Edit touchpoint/ })
    .first()
    .click();
  await expect(dashboard.cards.first().getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
  await expectInert(page, seen, 'a touchpoint being edited');
  await page
    .getByRole('button', { name: /^View screenshot of/ })
    .first()
    .click();
  const lightbox = page.getByRole('dialog');
  await expect(lightbox).toBeVisible();
  expect(markersIn((await lightbox.textContent()) ?? '').length).toBeGreaterThan(0);
  await expectInert(page, seen, 'the lightbox');
  await page.keyboard.press('ArrowRight');
  await expectInert(page, seen, 'the lightbox, second screenshot');
  await page.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);

  // The two journeys compared.
  await go(`#/compare/${study.id}/${first.id},${second.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare journeys' })).toBeVisible();
  await expect(page.getByText(first.title, { exact: true }).first()).toBeVisible();
  await expectInert(page, seen, 'the compare page');
});

test('the side panel shows hostile names, typed text and a hostile page title and URL as text', async ({
  session,
  panel,
  shop,
}) => {
  const seen = await watch(session.context);
  const { study, personas } = hostileStudy();
  await importHostileStudy(session, seen);

  // The side panel lists the imported study and persona by name, as text.
  await panel.page.bringToFront();
  // (A label holding a select takes the options' text into its own: find the selects by their step.)
  const studySelect = panel.page.locator('section[aria-labelledby="step-study"] select');
  await studySelect.selectOption(study.id);
  await expect(studySelect.locator('option:checked')).toContainText(study.name);
  const personaSelect = panel.page.locator('section[aria-labelledby="step-persona"] select');
  await personaSelect.selectOption(personas[0]!.id);
  await expect(personaSelect.locator('option:checked')).toHaveText(personas[0]!.name);
  await expectInert(panel.page, seen, 'the side panel setup');

  // A walk whose fields are typed payloads, on a page whose title and URL are payloads.
  const typedTitle = payloadById('img-onerror').text;
  await panel.startJourney(typedTitle, payloadById('svg-onload').text);
  await expect(panel.page.getByRole('main')).toContainText(payloadById('svg-onload').text); // the scenario, as text
  await shop.open('xss-title.html');
  await shop.followLink('See the offer again');
  const pageTitle = await shop.page.title();
  expect(markersIn(pageTitle)).toContain('xss-page-title');
  expect(markersIn(decodeURIComponent(shop.page.url()))).toContain('xss-page-url');
  await panel.capture();
  const captured = panel.touchpoint(1);
  await expect(captured.locator('.card-title')).toContainText(pageTitle);
  await panel.annotate(1, { notes: payloadById('iframe-javascript').text });
  await expect(captured.locator('.url')).toHaveText(shop.page.url());
  await expectInert(panel.page, seen, 'the side panel during the walk');
  await panel.endJourney();
  await expectInert(panel.page, seen, 'the side panel summary');

  // The same walk in the dashboard.
  const walked = await Dashboard.open(session, `#/study/${study.id}`);
  await walked.page.getByRole('main').getByRole('link', { name: typedTitle, exact: true }).first().click();
  await expect(walked.page.getByRole('heading', { level: 1 })).toHaveText(typedTitle);
  await expect(walked.cards.locator('.card-title')).toContainText(pageTitle);
  await expectInert(walked.page, seen, 'the dashboard timeline of the walk');

  // Every extension page still open (the import's dashboard, the panel, the walked journey's
  // dashboard) is still inert at the end of the walk.
  const extensionPages = session.context.pages().filter((open) => open.url().startsWith('chrome-extension://'));
  expect(extensionPages.map((open) => new URL(open.url()).pathname).sort()).toEqual([
    '/dashboard.html',
    '/dashboard.html',
    '/sidepanel.html',
  ]);
  for (const open of extensionPages) await expectInert(open, seen, open.url());
});
