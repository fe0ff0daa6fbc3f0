// The dashboard's places, kept in the address's #fragment so that reloading, the back button
// and links from the side panel all work without a server.

export type JourneyTab = 'timeline' | 'map' | 'metrics';
export const JOURNEY_TABS: JourneyTab[] = ['timeline', 'map', 'metrics'];

export type Route =
  | { page: 'home' }
  | { page: 'study'; studyId: string }
  | { page: 'overview'; studyId: string }
  /** `stage` (timeline only) is the stage the timeline opens filtered to. */
  | { page: 'journey'; journeyId: string; tab: JourneyTab; stage?: string }
  | { page: 'compare'; studyId: string; journeyIds: string[] };

const ID = /^[0-9a-f-]{36}$/i;

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const [page, first, second, third] = parts;
  if (page === 'study' && first && ID.test(first))
    return second === 'overview' ? { page: 'overview', studyId: first } : { page: 'study', studyId: first };
  if (page === 'journey' && first && ID.test(first)) {
    const tab = JOURNEY_TABS.find((t) => t === second) ?? 'timeline';
    return tab === 'timeline' && third
      ? { page: 'journey', journeyId: first, tab, stage: third }
      : { page: 'journey', journeyId: first, tab };
  }
  if (page === 'compare' && first && ID.test(first)) {
    const journeyIds = (second ?? '')
      .split(',')
      .filter((id) => ID.test(id))
      .slice(0, 4);
    return { page: 'compare', studyId: first, journeyIds };
  }
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'study':
      return `#/study/${route.studyId}`;
    case 'overview':
      return `#/study/${route.studyId}/overview`;
    case 'journey':
      if (route.tab === 'timeline' && route.stage)
        return `#/journey/${route.journeyId}/timeline/${encodeURIComponent(route.stage)}`;
      return `#/journey/${route.journeyId}${route.tab === 'timeline' ? '' : `/${route.tab}`}`;
    case 'compare':
      return `#/compare/${route.studyId}${route.journeyIds.length ? `/${route.journeyIds.join(',')}` : ''}`;
  }
}
