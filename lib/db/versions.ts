// Every schema version the database has had, oldest first. A new version is appended here
// with an upgrade function, and gets a fixture in tests/fixtures/db/ (the migration test
// fails until it has one).

export interface DbVersion {
  version: number;
  stores: Record<string, string>;
}

export const DB_VERSIONS: DbVersion[] = [
  {
    version: 1,
    stores: {
      studies: 'id, updatedAt',
      personas: 'id, studyId',
      journeys: 'id, studyId, personaId, status',
      touchpoints: 'id, [journeyId+seq], screenshotId',
      screenshots: 'id, touchpointId',
    },
  },
];

export const DB_NAME = 'touchtrail';
