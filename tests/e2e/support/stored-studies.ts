import type { Page } from '@playwright/test';

/**
 * Every study's allow list, straight from the extension's IndexedDB. The read is a transaction
 * started now, so it waits for any write this page began before it (IndexedDB runs transactions
 * on the same store in the order they were made): a save on leaving a field has landed by then.
 */
export function readStoredAllowLists(extensionPage: Page): Promise<string[][]> {
  return extensionPage.evaluate(async () => {
    const request = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const studies = await new Promise<{ maskAllowList?: string[] }[]>((resolve, reject) => {
      const read = db.transaction('studies').objectStore('studies').getAll();
      read.onsuccess = () => resolve(read.result as { maskAllowList?: string[] }[]);
      read.onerror = () => reject(new Error(String(read.error)));
    });
    db.close();
    return studies.map((study) => study.maskAllowList ?? []);
  });
}
