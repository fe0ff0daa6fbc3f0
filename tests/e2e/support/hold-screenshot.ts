import { expect } from '@playwright/test';
import type { ExtensionSession } from './browser';

interface HeldScreenshot {
  chrome: { tabs: { captureVisibleTab: (...args: unknown[]) => Promise<string> } };
  screenshotsWaiting?: number;
  releaseScreenshots?: () => void;
}

/**
 * Holds the worker's next screenshots (the page already masked, `captureVisibleTab` called) until
 * `release`, so a test can make the page do something at exactly that moment, whatever the
 * machine's speed. The real `captureVisibleTab` then takes the picture.
 */
export async function holdScreenshots(session: ExtensionSession) {
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as HeldScreenshot;
    const tabs = scope.chrome.tabs;
    const take = tabs.captureVisibleTab.bind(tabs);
    const held = new Promise<void>((resolve) => (scope.releaseScreenshots = resolve));
    scope.screenshotsWaiting = 0;
    tabs.captureVisibleTab = async (...args) => {
      scope.screenshotsWaiting!++;
      await held;
      return take(...args);
    };
  });
  return {
    /** Resolves once the worker waits to take a screenshot. */
    reached: () =>
      expect
        .poll(() => session.worker.evaluate(() => (globalThis as unknown as HeldScreenshot).screenshotsWaiting))
        .toBeGreaterThan(0),
    release: () => session.worker.evaluate(() => (globalThis as unknown as HeldScreenshot).releaseScreenshots!()),
  };
}
