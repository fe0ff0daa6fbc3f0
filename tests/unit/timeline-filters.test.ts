import { describe, expect, it } from 'vitest';
import { applyFilters, isFiltered, matches, NO_FILTERS } from '../../lib/dashboard/filters';
import type { Touchpoint } from '../../lib/model';
import { touchpointRecord } from './factories';

const point = touchpointRecord;

const points = [
  point({ title: 'Price page', key: true, stage: 'Purchase' }),
  point({ title: 'Quote form', friction: { severity: 'major', categories: [], notes: 'Licence number asked first' } }),
  point({ title: 'Welcome email', channel: 'email', draft: true }),
  point({ title: 'Café visit', channel: 'retail-store', momentOfTruth: true }),
];
const titles = (list: Touchpoint[]) => list.map((t) => t.title);

describe('timeline filters', () => {
  it('let everything through until one is set', () => {
    expect(applyFilters(points, NO_FILTERS)).toHaveLength(4);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ text: '  ' })).toBe(false);
    expect(isFiltered({ text: '', key: false })).toBe(true);
  });

  it.each([
    [{ text: '', key: true }, ['Price page']],
    [{ text: '', stage: 'Purchase' }, ['Price page']],
    [{ text: '', channel: 'email' }, ['Welcome email']],
    [{ text: '', severity: 'major' }, ['Quote form']],
    [{ text: '', momentOfTruth: true }, ['Café visit']],
    [{ text: '', draft: false, channel: 'website' }, ['Price page', 'Quote form']],
    [{ text: 'licence' }, ['Quote form']], // found in the notes
    [{ text: 'cafe' }, ['Café visit']], // accents ignored
    [{ text: 'PAGE price' }, ['Price page']], // every word, any order, any case
  ])('%j keeps %j', (filters, expected) => {
    expect(titles(applyFilters(points, filters))).toEqual(expected);
  });

  it('match words across several texts', () => {
    expect(matches('northwind quote', 'Northwind Insurance', 'First quote')).toBe(true);
    expect(matches('contoso', 'Northwind Insurance', undefined)).toBe(false);
  });
});
