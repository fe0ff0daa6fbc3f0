import type { CDPSession, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { SidePanel } from './pages/SidePanel';
import { openSidePanel } from './support/browser';

// Touchtrail keeps everything on the researcher's machine: its own pages and its service worker
// must not reach the network during the whole story. Requests are watched two ways:
//  - Playwright's context 'request' events, which cover pages and (by default since Playwright
//    1.5x; PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS is no longer needed) the service worker,
//    tagged by request.serviceWorker();
//  - Chrome DevTools Protocol: Network.enable on every page of the context, and on the service
//    worker through a message-based Target.attachToTarget from a page's CDP session (Playwright
//    has no CDP session for workers).
// The service worker started before the test body, so its own script load is not seen; that is
// a chrome-extension:// resource in any case. The demo shop's own requests (its frame, its origin)
// are the web page's, not the extension's, and are left out.

interface Seen {
  via: string;
  url: string;
}

async function download(page: Page, menu: string, format: string) {
  await page.getByText(menu, { exact: true }).click();
  const done = page.waitForEvent('download');
  await page.getByRole('button', { name: format, exact: true }).click();
  return (await done).suggestedFilename();
}

test('the extension makes no network request of its own through a whole study', async ({ session, shop, site }) => {
  const extensionOrigin = `chrome-extension://${session.extensionId}/`;
  const siteOrigin = new URL(site.url).origin;
  const seen: Seen[] = [];
  const isExtensionDocument = (url: string | undefined) => !!url && url.startsWith(extensionOrigin);

  // 1. Playwright's own network events.
  const onRequest = (request: Request) => {
    const worker = request.serviceWorker();
    if (worker) {
      seen.push({ via: `playwright service worker ${worker.url()}`, url: request.url() });
      return;
    }
    let documentUrl: string | undefined;
    try {
      documentUrl = request.frame().url();
    } catch {
      documentUrl = undefined; // no frame (a worker's request): counted as the extension's
    }
    const fromShop = documentUrl?.startsWith(siteOrigin) ?? false;
    if (fromShop && request.url().startsWith(siteOrigin)) return; // the web page's own
    seen.push({ via: `playwright page ${documentUrl ?? '?'}`, url: request.url() });
  };
  session.context.on('request', onRequest);

  // 2. The DevTools protocol, on every page of the context...
  const sessions: CDPSession[] = [];
  const watchPage = async (page: Page) => {
    const cdp = await session.context.newCDPSession(page);
    sessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (event) => {
      const owner = event.documentURL;
      if (!isExtensionDocument(owner) && event.request.url.startsWith(siteOrigin)) return; // the web page's own
      seen.push({ via: `cdp page ${owner}`, url: event.request.url });
    });
    await cdp.send('Network.enable');
  };
  const watching: Promise<void>[] = [];
  session.context.on('page', (page) => watching.push(watchPage(page)));
  for (const page of session.context.pages()) await watchPage(page);

  // ...and on the service worker, attached from the shop page's session.
  const root = sessions[0]!;
  const { targetInfos } = await root.send('Target.getTargets');
  const workerTarget = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
  expect(workerTarget, 'the extension’s service worker is a target').toBeDefined();
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: workerTarget!.targetId, flatten: false });
  let workerNetworkEnabled = false;
  root.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      params?: { request?: { url: string } };
    };
    if (message.id === 1) workerNetworkEnabled = true;
    if (message.method === 'Network.requestWillBeSent')
      seen.push({ via: 'cdp service worker', url: message.params!.request!.url });
  });
  await root.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }),
  });
  await expect.poll(() => workerNetworkEnabled, { message: 'Network.enable on the service worker' }).toBe(true);

  // The story: a study walked over two demo pages, annotated, then looked at and exported.
  const panel = new SidePanel(await openSidePanel(session));
  // A page's first load may run before its CDP watcher is enabled: load it again, watched.
  await Promise.all(watching);
  await panel.page.reload();
  await panel.createStudy('Offline', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await panel.capture();
  await shop.open('products.html');
  await panel.capture();
  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('dana@example.com');
  await panel.capture();
  await panel.annotate(2, { title: 'Product list', severity: 'Minor', notes: 'Filters are hidden' });
  await expect(panel.touchpoints).toHaveCount(3);
  await panel.export();

  const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html') });
  await panel.page.getByRole('button', { name: 'Dashboard' }).click();
  const dashboard = await opened;
  await Promise.all(watching);
  await dashboard.reload();
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Reorder' })).toBeVisible();
  await expect(dashboard.getByTestId('timeline-card')).toHaveCount(3);
  expect(await download(dashboard, 'Export journey', 'Bundle (.zip)')).toMatch(/\.zip$/);
  expect(await download(dashboard, 'Export journey', 'HTML report')).toMatch(/\.html$/);
  expect(await download(dashboard, 'Export journey', 'JSON')).toMatch(/\.json$/);

  await Promise.all(watching);
  // Each watcher delivers its events in order: once every one has seen a last request made on
  // purpose, by the dashboard and by the worker, it has seen all the story's requests.
  const last = `${extensionOrigin}icon/16.png?end-of-story`;
  await dashboard.evaluate(async (url) => void (await fetch(url)), last);
  await session.worker.evaluate(async (url) => void (await fetch(url)), last);
  const watchers = ['playwright page', 'cdp page', 'playwright service worker', 'cdp service worker'];
  await expect
    .poll(() => watchers.filter((via) => seen.some((s) => s.via.startsWith(via) && s.url === last)))
    .toEqual(watchers);

  // The watchers did see the extension's own traffic (so they were really listening)...
  expect(seen.some((s) => s.via.startsWith('playwright page') && s.url.startsWith(extensionOrigin))).toBe(true);
  expect(seen.some((s) => s.via.startsWith('cdp page') && s.url.startsWith(extensionOrigin))).toBe(true);
  // ...and nothing else.
  const allowed = (url: string) =>
    url.startsWith(extensionOrigin) || url.startsWith('blob:') || url.startsWith('data:');
  expect(seen.filter((s) => !allowed(s.url))).toEqual([]);
  session.context.off('request', onRequest);
});
