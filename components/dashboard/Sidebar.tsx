import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '@/lib/db';
import type { Route } from '@/lib/dashboard/routes';
import { Link } from './Link';
import { matches } from '@/lib/dashboard/filters';

/** Studies and their journeys, searchable; the current one is marked. */
export function Sidebar({ route }: { route: Route }) {
  const [query, setQuery] = useState('');
  const studies = useLiveQuery(() => db.studies.orderBy('updatedAt').reverse().toArray(), []);
  const journeys = useLiveQuery(
    async () => (await db.journeys.toArray()).sort((a, b) => a.startedAt - b.startedAt),
    [],
  );
  const openStudyId =
    route.page === 'study' || route.page === 'compare' || route.page === 'overview'
      ? route.studyId
      : route.page === 'journey'
        ? journeys?.find((j) => j.id === route.journeyId)?.studyId
        : undefined;

  return (
    <nav className="dashboard-sidebar" aria-label="Studies and journeys">
      <Link to={{ page: 'home' }} className="brand" current={route.page === 'home'}>
        Touchtrail
      </Link>
      <label className="field">
        <span>Find a study or journey</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <ul className="tree">
        {studies?.map((study) => {
          const own = journeys?.filter((j) => j.studyId === study.id) ?? [];
          const shownJourneys = own.filter((j) => matches(query, j.title, j.scenario));
          if (!matches(query, study.name, study.company) && shownJourneys.length === 0) return null;
          const expanded = Boolean(query) || study.id === openStudyId;
          return (
            <li key={study.id}>
              <Link
                to={{ page: 'study', studyId: study.id }}
                current={route.page === 'study' && route.studyId === study.id}
              >
                {study.name}
              </Link>
              {expanded && (
                <ul>
                  <li>
                    <Link
                      to={{ page: 'overview', studyId: study.id }}
                      className="tree-overview"
                      current={route.page === 'overview' && route.studyId === study.id}
                    >
                      Study overview
                    </Link>
                  </li>
                  {(query ? shownJourneys : own).map((j) => (
                    <li key={j.id}>
                      <Link
                        to={{ page: 'journey', journeyId: j.id, tab: 'timeline' }}
                        current={route.page === 'journey' && route.journeyId === j.id}
                      >
                        {j.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
