import type { Page } from '@playwright/test';
import type { ElementDescriptor } from '../../../lib/model';
import type { ExtensionSession } from './browser';

/** A screenshot as it is stored in the extension's database, its image in base64. */
export interface StoredScreenshot {
  mime: string;
  width: number;
  height: number;
  base64: string;
}

/** A touchpoint as stored, with the size of its screenshot (if it has one). */
export interface StoredTouchpoint {
  seq: number;
  source: string;
  draft: boolean;
  url?: string;
  pageTitle?: string;
  element?: ElementDescriptor;
  screenshot?: { mime: string; width: number; height: number; devicePixelRatio: number };
}

interface StoredRecords {
  touchpoints: StoredTouchpoint[];
  /** The image of the touchpoint asked for, in base64. */
  image?: StoredScreenshot;
}

/**
 * Reads the touchpoints (of every journey, in sequence order) straight from the extension's
 * IndexedDB, and the screenshot of the one numbered `imageOfSeq`, in whatever format it is stored
 * in at this moment.
 */
function readStored(extensionPage: Page, imageOfSeq?: number): Promise<StoredRecords> {
  return extensionPage.evaluate(async (imageOfSeq) => {
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
    type Shot = { id: string; mime: string; width: number; height: number; devicePixelRatio: number; image: Blob };
    const points = await all<StoredTouchpoint & { screenshotId?: string }>('touchpoints');
    const shots = new Map((await all<Shot>('screenshots')).map((shot) => [shot.id, shot]));
    db.close();
    const touchpoints = points
      .sort((a, b) => a.seq - b.seq)
      .map(({ seq, source, draft, url, pageTitle, element, screenshotId }) => {
        const shot = screenshotId ? shots.get(screenshotId) : undefined;
        const screenshot = shot && {
          mime: shot.mime,
          width: shot.width,
          height: shot.height,
          devicePixelRatio: shot.devicePixelRatio,
        };
        return { seq, source, draft: Boolean(draft), url, pageTitle, element, screenshot };
      });
    const wanted = shots.get(points.find((p) => p.seq === imageOfSeq)?.screenshotId ?? '');
    if (!wanted) return { touchpoints };
    const bytes = new Uint8Array(await wanted.image.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const { mime, width, height } = wanted;
    return { touchpoints, image: { mime, width, height, base64: btoa(binary) } };
  }, imageOfSeq);
}

/** The touchpoints stored so far, in sequence order. */
export async function readStoredTouchpoints(extensionPage: Page): Promise<StoredTouchpoint[]> {
  return (await readStored(extensionPage)).touchpoints;
}

/** The screenshot of the touchpoint numbered `seq`, as it is stored at this moment. */
export async function readStoredScreenshot(extensionPage: Page, seq: number): Promise<StoredScreenshot | undefined> {
  return (await readStored(extensionPage, seq)).image;
}

/** Deletes the stored screenshot of the touchpoint titled `title`, as if it had been lost. */
export function deleteStoredScreenshot(extensionPage: Page, title: string): Promise<void> {
  return extensionPage.evaluate(async (title) => {
    const request = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const tx = db.transaction(['touchpoints', 'screenshots'], 'readwrite');
    const points = tx.objectStore('touchpoints').getAll();
    points.onsuccess = () => {
      const point = (points.result as { title: string; screenshotId?: string }[]).find((p) => p.title === title);
      tx.objectStore('screenshots').delete(point!.screenshotId!);
    };
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, title);
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
