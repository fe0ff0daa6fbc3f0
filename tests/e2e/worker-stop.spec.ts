import { expect, test } from '@playwright/test';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { serveDemoSite } from '../fixtures/site/server';
import { CHROMIUM_ARGS, findChromium, GRANTED_BUILD_DIR, VIEWPORT } from './support/browser';
import { button, startJourney } from './support/puppeteer-panel';

// Chromium stops an idle extension service worker and starts a new one for the next event.
// Playwright attaches to service workers, and stopping one it is attached to closes the whole
// browser, so this test drives Chromium with puppeteer-core, told to leave the worker alone,
// and stops the worker through the DevTools protocol (Target.closeTarget), as Chromium would.

async function workerUrls(browser: Browser): Promise<string[]> {
  const devtools = await browser.target().createCDPSession();
  const { targetInfos } = await devtools.send('Target.getTargets');
  await devtools.detach();
  return targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.url);
}

async function storedTouchpoints(extensionPage: Page) {
  return extensionPage.evaluate(async () => {
    const open = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const points = await all<{ id: string; journeyId: string; seq: number }>('touchpoints');
    const shots = await all<{ touchpointId: string }>('screenshots');
    db.close();
    return { points: points.sort((a, b) => a.seq - b.seq), shotOwners: shots.map((s) => s.touchpointId).sort() };
  });
}

test('after the service worker is stopped mid-journey, the next capture lands in the same journey, numbered next', async () => {
  const site = await serveDemoSite();
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    defaultViewport: VIEWPORT,
    args: [
      `--disable-extensions-except=${GRANTED_BUILD_DIR}`,
      `--load-extension=${GRANTED_BUILD_DIR}`,
      ...CHROMIUM_ARGS,
    ],
    targetFilter: (target) => target.type() !== TargetType.SERVICE_WORKER,
  });
  try {
    await expect.poll(() => workerUrls(browser)).toHaveLength(1);
    const extensionOrigin = `chrome-extension://${new URL((await workerUrls(browser))[0]!).host}`;
    const panelUrl = `${extensionOrigin}/sidepanel.html`;
    const [shop] = await browser.pages();
    await shop!.goto(new URL('index.html', site.url).href);

    // The panel in a popup window of its own, beside the shop's tab (as the other tests do).
    const opener = await browser.newPage();
    await opener.goto(panelUrl);
    const popup = browser.waitForTarget(
      (t) => t.url() === panelUrl && t.type() === TargetType.PAGE && t !== opener.target(),
    );
    await opener.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
      await api.windows.create({ url: location.href, type: 'popup', width: 420, height: 900 });
    });
    const panel = (await (await popup).page())!;
    await opener.close();
    await shop!.bringToFront();

    await startJourney(panel, {
      study: 'Idle worker',
      siteUrl: site.url,
      persona: 'Ida',
      summary: 'Takes her time',
      journey: 'Slow browse',
      scenario: 'Read every page',
    });
    const capture = async (seq: number) => {
      await button(panel, 'Capture touchpoint').click();
      await panel.waitForSelector(`[data-testid="touchpoint"][data-seq="${seq}"] img`);
    };
    await capture(1);
    await capture(2);

    const devtools = await browser.target().createCDPSession();
    const { targetInfos } = await devtools.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker')!;
    await devtools.send('Target.closeTarget', { targetId: worker.targetId });
    await devtools.detach();
    await expect.poll(() => workerUrls(browser)).toEqual([]);

    await capture(3); // the panel's message starts a new worker
    expect(await workerUrls(browser)).toHaveLength(1);
    const { points, shotOwners } = await storedTouchpoints(panel);
    expect(points.map((p) => [p.journeyId, p.seq])).toEqual([1, 2, 3].map((seq) => [points[0]!.journeyId, seq]));
    expect(shotOwners).toEqual(points.map((p) => p.id).sort());
  } finally {
    await browser.close();
    await site.close();
  }
});
