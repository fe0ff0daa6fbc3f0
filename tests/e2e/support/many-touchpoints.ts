import type { Page } from '@playwright/test';

/**
 * `count` more touchpoints in the journey of the touchpoint titled `model` ("Home page" in the
 * sample study), each with a copy of its screenshot, written straight into the database from an
 * extension page.
 */
export async function addCopiesOfHomePage(page: Page, count: number, model = 'Home page') {
  await page.evaluate(
    async ({ count, modelTitle }) => {
      const open = indexedDB.open('touchtrail');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const tx = db.transaction(['touchpoints', 'screenshots'], 'readwrite');
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
        });
      type Row = { id: string; seq: number; title: string; screenshotId?: string; touchpointId: string };
      const points = await all<Row>('touchpoints');
      const shots = await all<Row>('screenshots');
      const model = points.find((t) => t.title === modelTitle)!;
      const shot = shots.find((s) => s.id === model.screenshotId)!;
      for (let i = 1; i <= count; i++) {
        const [id, screenshotId] = [crypto.randomUUID(), crypto.randomUUID()];
        tx.objectStore('touchpoints').put({ ...model, id, seq: 100 + i, title: `Copy ${i}`, screenshotId });
        tx.objectStore('screenshots').put({ ...shot, id: screenshotId, touchpointId: id });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
    },
    { count, modelTitle: model },
  );
}
