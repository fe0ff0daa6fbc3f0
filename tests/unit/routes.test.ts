import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../lib/dashboard/routes';

const A = '0b8f3c1e-6a44-4c1e-9d8e-0f5c2a7b9e11';
const B = '9d2a1f0c-1b2c-4d3e-8f4a-5b6c7d8e9f00';

describe('dashboard routes', () => {
  it.each<Route>([
    { page: 'home' },
    { page: 'study', studyId: A },
    { page: 'journey', journeyId: A, tab: 'timeline' },
    { page: 'journey', journeyId: A, tab: 'map' },
    { page: 'compare', studyId: A, journeyIds: [A, B] },
  ])('round-trips %j through the address', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the home page for anything it does not know', () => {
    expect(parseRoute('#/study/not-an-id')).toEqual({ page: 'home' });
    expect(parseRoute('#/settings')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
  });

  it('opens a journey on its timeline when the tab is unknown, and compares at most four', () => {
    expect(parseRoute(`#/journey/${A}/nonsense`)).toEqual({ page: 'journey', journeyId: A, tab: 'timeline' });
    const five = [A, B, A, B, A].join(',');
    expect(parseRoute(`#/compare/${A}/${five}`)).toMatchObject({ journeyIds: [A, B, A, B] });
  });
});
