import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../lib/db/database';

// Every test starts with empty extension storage and an empty database.
beforeEach(async () => {
  fakeBrowser.reset();
  db.close();
  await db.delete();
  await db.open();
});
