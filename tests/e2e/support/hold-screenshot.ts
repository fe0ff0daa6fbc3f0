import { expect } from '@playwright/test';
import type { ExtensionSession } from './browser';

interface HeldScreenshot {
  chrome: { tabs: { captureVisibleTab: (...args: unknown[]) => Promise<string> } };
  screenshotsWaiting?: number;
  releaseScreenshots?: () => void;
}

/**
 * Holds the worker's screenshots (the page already masked, `captureVisibleTab` called), from the
 * one after the first `after`, until `release`, so a test can make the page do something at exactly that moment, whatever the
 * machine's speed. The real `captureVisibleTab` then takes the picture.
 */
export async function holdScreenshots(session: ExtensionSession, { after = 0 } = {}) {
  await session.worker.evaluate((after) => {
    const scope = globalThis as unknown as HeldScreenshot;
    const tabs = scope.chrome.tabs;
    const take = tabs.captureVisibleTab.bind(tabs);
    const held = new Promise<void>((resolve) => (scope.releaseScreenshots = resolve));
    scope.screenshotsWaiting = 0;
    let taken = 0;
    tabs.captureVisibleTab = async (...args) => {
      if (taken++ >= after) {
        scope.screenshotsWaiting!++;
        await held;
      }
      return take(...args);
    };
  }, after);
  return {
    /** Resolves once the worker waits to take a screenshot. */
    reached: () =>
      expect
        .poll(() => session.worker.evaluate(() => (globalThis as unknown as HeldScreenshot).screenshotsWaiting))
        .toBeGreaterThan(0),
    release: () => session.worker.evaluate(() => (globalThis as unknown as HeldScreenshot).releaseScreenshots!()),
  };
}
