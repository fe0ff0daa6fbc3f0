// Every schema version the database has had, oldest first. A new version is appended here
// with an upgrade function, and gets a fixture in tests/fixtures/db/ (the migration test
// fails until it has one).

export interface DbVersion {
  version: number;
  /** Dexie's notation; the background worker creates the same stores from it (schema-steps.ts). */
  stores: Record<string, string>;
  /**
   * Brings each row of the version before up to this one, table by table, by changing it in
   * place. Plain functions, so Dexie (in pages) and the worker's upgrade run the same steps.
   */
  upgradeRows?: Record<string, (row: Record<string, unknown>) => void>;
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
    upgradeRows: {
      studies: (study) => {
        study.maskAllowList ??= [];
      },
      journeys: (journey) => {
        journey.autoRecord ??= false;
        journey.pendingSignals ??= [];
      },
      touchpoints: (point) => {
        point.draft ??= false;
        point.extraClicks ??= 0;
        const signals = Array.isArray(point.signals) ? (point.signals as Record<string, unknown>[]) : [];
        point.signals = signals.map((signal) => ({ id: crypto.randomUUID(), status: 'suggested', ...signal }));
      },
    },
  },
  {
    // A study's privacy settings (issue 17). Filled as the defaults were when this version came,
    // so a later change of the defaults never rewrites what old rows meant.
    version: 3,
    stores: V1_STORES,
    upgradeRows: {
      studies: (study) => {
        study.privacy ??= { maskAllText: false, hideMedia: false, alwaysMask: [] };
      },
    },
  },
];

export const DB_NAME = 'touchtrail';

/** The newest schema version, which both Dexie and the worker open. */
export function latestVersion(): number {
  return DB_VERSIONS.at(-1)!.version;
}

/** The version IndexedDB records: Dexie multiplies its own by 10, and the worker must match it. */
export function idbVersionOf(version: number): number {
  return version * 10;
}
