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
    { page: 'journey', journeyId: A, tab: 'timeline', stage: 'Purchase' },
    { page: 'journey', journeyId: A, tab: 'timeline', stage: 'After sale / support 100% #1?' },
    { page: 'overview', studyId: A },
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

  it('keeps a stage with slashes and other reserved characters in one part of the address', () => {
    const hash = routeHash({ page: 'journey', journeyId: A, tab: 'timeline', stage: 'Pre/post sale #2' });
    expect(hash).toBe(`#/journey/${A}/timeline/Pre%2Fpost%20sale%20%232`);
  });

  it('opens the study overview at #/study/<id>/overview, and ignores a stage on another tab', () => {
    expect(parseRoute(`#/study/${A}/overview`)).toEqual({ page: 'overview', studyId: A });
    expect(parseRoute(`#/journey/${A}/map/Purchase`)).toEqual({ page: 'journey', journeyId: A, tab: 'map' });
  });
});
