import { Dexie, type EntityTable } from 'dexie';
import type { Journey, Persona, Screenshot, Study, Touchpoint } from '../model';
import { DB_NAME, DB_VERSIONS } from './versions';

export class TouchtrailDb extends Dexie {
  studies!: EntityTable<Study, 'id'>;
  personas!: EntityTable<Persona, 'id'>;
  journeys!: EntityTable<Journey, 'id'>;
  touchpoints!: EntityTable<Touchpoint, 'id'>;
  screenshots!: EntityTable<Screenshot, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores, upgradeRows } of DB_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (!upgradeRows) continue;
      declared.upgrade(async (transaction) => {
        for (const [table, upgrade] of Object.entries(upgradeRows)) {
          await transaction.table(table).toCollection().modify(upgrade);
        }
      });
    }
  }
}

/** The one database of the extension origin (DESIGN.md §8.3). */
export const db = new TouchtrailDb();
