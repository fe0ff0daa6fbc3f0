// Every schema version the database has had, oldest first. A new version is appended here
// with an upgrade function, and gets a fixture in tests/fixtures/db/ (the migration test
// fails until it has one).

import type { Transaction } from 'dexie';

export interface DbVersion {
  version: number;
  stores: Record<string, string>;
  /** Brings the rows of the version before up to this one. */
  upgrade?: (transaction: Transaction) => Promise<unknown>;
}

const V1_STORES = {
  studies: 'id, updatedAt',
  personas: 'id, studyId',
  journeys: 'id, studyId, personaId, status',
  touchpoints: 'id, [journeyId+seq], screenshotId',
  screenshots: 'id, touchpointId',
};

export const DB_VERSIONS: DbVersion[] = [
  {
    version: 1,
    stores: V1_STORES,
  },
  {
    // Drafts (auto-record), signal suggestions, the masking allow-list and the auto-record switch.
    version: 2,
    // The indexes are unchanged; the upgrade fills the new fields.
    stores: V1_STORES,
    upgrade: async (tx) => {
      await tx
        .table('studies')
        .toCollection()
        .modify((study: Record<string, unknown>) => {
          study.maskAllowList ??= [];
        });
      await tx
        .table('journeys')
        .toCollection()
        .modify((journey: Record<string, unknown>) => {
          journey.autoRecord ??= false;
          journey.pendingSignals ??= [];
        });
      await tx
        .table('touchpoints')
        .toCollection()
        .modify((point: Record<string, unknown>) => {
          point.draft ??= false;
          point.extraClicks ??= 0;
          const signals = Array.isArray(point.signals) ? (point.signals as Record<string, unknown>[]) : [];
          point.signals = signals.map((signal) => ({ id: crypto.randomUUID(), status: 'suggested', ...signal }));
        });
    },
  },
  {
    // A study's privacy settings (issue 17). Filled as the defaults were when this version came,
    // so a later change of the defaults never rewrites what old rows meant.
    version: 3,
    stores: V1_STORES,
    upgrade: async (tx) => {
      await tx
        .table('studies')
        .toCollection()
        .modify((study: Record<string, unknown>) => {
          study.privacy ??= { maskAllText: false, hideMedia: false, alwaysMask: [] };
        });
    },
  },
];

export const DB_NAME = 'touchtrail';
