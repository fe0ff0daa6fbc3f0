import { expect, test } from '@playwright/test';
import { serveDemoSite } from '../fixtures/site/server';
import { GRANTED_BUILD_DIR, launchWithExtension, openSidePanel, type ExtensionSession } from './support/browser';
import { workerSwitch } from './support/worker-switch';
import { SidePanel } from './pages/SidePanel';
import { hasErrorRelay } from '../bench/host-page.bench';
import { PAGE_ERROR_EVENT } from '../../lib/page-agent/error-relay';

// Chrome starts a stopped extension worker for every event it listens to. Pages loaded while no
// journey records should not start it (the load would share the machine with the worker's
// start); while a journey records, a load must start it, so that the page agent joins the page.

/** Whether the running worker listens to tab loads (its own view of its listeners). */
function listensToTabLoads(session: ExtensionSession) {
  return session.worker.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { tabs: { onUpdated: { hasListeners(): boolean } } } }).chrome;
    return api.tabs.onUpdated.hasListeners();
  });
}

/** The extension's worker as Playwright knows it, once it has attached to a new one. */
async function runningWorker(session: ExtensionSession) {
  const prefix = `chrome-extension://${session.extensionId}/`;
  const found = () => session.context.serviceWorkers().find((worker) => worker.url().startsWith(prefix));
  await expect.poll(() => found() !== undefined, { message: 'Playwright attaches to the new worker' }).toBe(true);
  return found()!;
}

test('a page load starts the stopped worker only while a journey records, and the agent then joins the page', async () => {
  const site = await serveDemoSite();
  const session = await launchWithExtension(GRANTED_BUILD_DIR);
  try {
    const tab = session.context.pages()[0] ?? (await session.context.newPage());
    await tab.goto(new URL('index.html', site.url).href);
    const panel = new SidePanel(await openSidePanel(session));
    await panel.createStudy('Wake', 'Northwind Outfitters', tab.url());
    await panel.createPersona('Wes', 'Reads slowly', []);
    await panel.startJourney('Quiet loads', 'Browse, pause, browse');
    await expect.poll(() => listensToTabLoads(session), { message: 'the worker listens to tab loads' }).toBe(true);
    const worker = await workerSwitch(session, panel.page);
    try {
      // Recording: the load starts the stopped worker, which puts the agent into the page.
      await worker.stop();
      await tab.goto(new URL('product.html', site.url).href);
      await worker.startedTimes(1);
      await tab.waitForFunction(hasErrorRelay, PAGE_ERROR_EVENT, { timeout: 10_000 });

      // Paused (while the worker runs): it stops listening to loads, and loads leave it stopped.
      session.worker = await runningWorker(session);
      await panel.setRecording(false);
      await expect
        .poll(() => listensToTabLoads(session), { message: 'the worker stops listening to tab loads' })
        .toBe(false);
      await worker.stop();
      for (const page of ['cart.html', 'index.html', 'product.html']) await tab.goto(new URL(page, site.url).href);
      // A load starts the worker as it commits (above): none has, three whole loads later.
      expect(worker.starts(), 'worker starts during the loads while paused').toBe(1);
      expect(await tab.evaluate(hasErrorRelay, PAGE_ERROR_EVENT)).toBe(false);
    } finally {
      await worker.close();
    }
  } finally {
    await session.close();
    await site.close();
  }
});
