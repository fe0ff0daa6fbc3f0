export * from './database';
export * from './journeys';
export * from './studies';
export * from './touchpoints';
export * from './signals';
export * from './annotations';
export * from './timeline';
export * from './study-settings';
