import type { Paper } from '../pdf/flow';

/** Regions where US Letter is the usual paper; everywhere else uses A4. */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'CL',
  'CO',
  'VE',
  'PH',
  'GT',
  'CR',
  'DO',
  'SV',
  'HN',
  'NI',
  'PA',
  'PR',
  'BZ',
]);

/** The paper a researcher in this locale expects: "en-US", "fr-CA", "es-MX" → Letter; "en-GB", "de" → A4. */
export function defaultPaper(locale: string = globalThis.navigator?.language ?? 'en-GB'): Paper {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}
