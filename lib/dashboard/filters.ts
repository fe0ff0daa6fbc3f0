// The timeline's filters: pure, so what a filter keeps is unit-tested.

import type { Touchpoint } from '../model';

export interface TimelineFilters {
  text: string;
  stage?: string;
  channel?: string;
  owner?: string;
  severity?: string;
  momentOfTruth?: boolean;
  key?: boolean;
  draft?: boolean;
}

export const NO_FILTERS: TimelineFilters = { text: '' };

export function isFiltered(filters: TimelineFilters): boolean {
  return Object.entries(filters).some(([key, value]) =>
    key === 'text' ? Boolean(String(value).trim()) : value !== undefined,
  );
}

/** The touchpoints every set filter lets through; the text is searched in titles and notes. */
export function applyFilters(touchpoints: Touchpoint[], filters: TimelineFilters): Touchpoint[] {
  return touchpoints.filter((t) => {
    if (filters.stage !== undefined && t.stage !== filters.stage) return false;
    if (filters.channel !== undefined && t.channel !== filters.channel) return false;
    if (filters.owner !== undefined && t.owner !== filters.owner) return false;
    if (filters.severity !== undefined && t.friction.severity !== filters.severity) return false;
    if (filters.momentOfTruth !== undefined && t.momentOfTruth !== filters.momentOfTruth) return false;
    if (filters.key !== undefined && t.key !== filters.key) return false;
    if (filters.draft !== undefined && t.draft !== filters.draft) return false;
    return matches(filters.text, t.title, t.friction.notes, t.goal, t.pageTitle);
  });
}

/** Whether every word of the query appears in one of the texts (case and accents ignored). */
export function matches(query: string, ...texts: (string | undefined)[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(texts.filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
