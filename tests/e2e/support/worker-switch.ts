// The extension's service worker stopped as Chrome stops an idle one (30 s without an event), and
// its starts observed: through the DevTools protocol, as chrome://serviceworker-internals does.

import type { CDPSession, Page } from '@playwright/test';
import type { ExtensionSession } from './browser';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkerSwitch {
  /** Stops the extension's service worker; resolves once it is stopped and gone from the browser's targets. */
  stop(): Promise<void>;
  /** How many times the browser has started the worker again since this switch was made. */
  starts(): number;
  /** Resolves once the browser has started the worker `count` times since this switch was made. */
  startedTimes(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The extension's service worker, followed through the DevTools protocol's ServiceWorker domain
 * (from any page of the browser: its sessions see every worker).
 */
export async function workerSwitch(session: ExtensionSession, page: Page): Promise<WorkerSwitch> {
  const cdp = await session.context.newCDPSession(page);
  const targets = await session.context.browser()!.newBrowserCDPSession();
  const script = `chrome-extension://${session.extensionId}/`;
  // Each time the extension is switched on, it gets a new version of its worker; earlier ones
  // stay listed, stopped. What is stopped is every version that runs.
  const versions = new Map<string, string>();
  const changed = new Set<() => void>();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updates }) => {
    for (const { versionId, scriptURL, runningStatus } of updates) {
      if (!scriptURL.startsWith(script)) continue;
      if (versions.get(versionId) === 'stopped' && runningStatus !== 'stopped') starts++;
      versions.set(versionId, runningStatus);
    }
    for (const listener of changed) listener();
  });
  const until = (test: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        changed.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        changed.delete(check);
        reject(new Error(`The extension's service worker: ${what} did not happen within 10 s.`));
      }, 10_000);
      changed.add(check);
      check();
    });
  const running = () => [...versions].filter(([, status]) => status !== 'stopped').map(([versionId]) => versionId);
  await cdp.send('ServiceWorker.enable');
  await until(() => versions.size > 0, 'its version being reported');
  return {
    async stop() {
      for (const versionId of running()) await cdp.send('ServiceWorker.stopWorker', { versionId });
      await until(() => running().length === 0, 'stopping');
      await untilNoWorkerTarget(targets, script);
    },
    starts: () => starts,
    startedTimes: (count) => until(() => starts >= count, `starting ${count} times`),
    async close() {
      await cdp.detach();
      await targets.detach();
    },
  };
}

/** A second, independent sign that the worker is stopped: the browser lists no target for it. */
async function untilNoWorkerTarget(targets: CDPSession, script: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos } = await targets.send('Target.getTargets');
    if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(script))) return;
    if (Date.now() > deadline) throw new Error('The stopped service worker is still listed as a target after 10 s.');
    await pause(20);
  }
}
