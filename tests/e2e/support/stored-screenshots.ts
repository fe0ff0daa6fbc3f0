import type { Page } from '@playwright/test';
import type { ExtensionSession } from './browser';

/** A screenshot as it is stored in the extension's database, its image in base64. */
export interface StoredScreenshot {
  mime: string;
  width: number;
  height: number;
  base64: string;
}

/**
 * Reads the screenshot of the touchpoint numbered `seq` (in the only journey) straight from the
 * extension's IndexedDB, in whatever format it is stored in at this moment.
 */
export function readStoredScreenshot(extensionPage: Page, seq: number): Promise<StoredScreenshot | undefined> {
  return extensionPage.evaluate(async (seq) => {
    const request = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const read = db.transaction(store).objectStore(store).getAll();
        read.onsuccess = () => resolve(read.result as T[]);
        read.onerror = () => reject(new Error(String(read.error)));
      });
    const points = await all<{ seq: number; screenshotId?: string }>('touchpoints');
    const shots = await all<{ id: string; mime: string; width: number; height: number; image: Blob }>('screenshots');
    db.close();
    const shot = shots.find((s) => s.id === points.find((p) => p.seq === seq)?.screenshotId);
    if (!shot) return undefined;
    const bytes = new Uint8Array(await shot.image.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { mime: shot.mime, width: shot.width, height: shot.height, base64: btoa(binary) };
  }, seq);
}

/**
 * Holds the compression of new captures (PNG → WebP) in the service worker until `release` is
 * called, so a test can judge a screenshot in the format it was captured in, whatever the
 * machine's speed, and then again once compressed.
 */
export async function holdCompaction(session: ExtensionSession): Promise<{ release(): Promise<void> }> {
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as { releaseCompaction?: () => void };
    const held = new Promise<void>((resolve) => (scope.releaseCompaction = resolve));
    const prototype = OffscreenCanvas.prototype as unknown as {
      convertToBlob: (this: OffscreenCanvas, options?: ImageEncodeOptions) => Promise<Blob>;
    };
    const encode = prototype.convertToBlob;
    prototype.convertToBlob = async function (options) {
      await held;
      return encode.call(this, options);
    };
  });
  return {
    release: () =>
      session.worker.evaluate(() => (globalThis as unknown as { releaseCompaction: () => void }).releaseCompaction()),
  };
}
