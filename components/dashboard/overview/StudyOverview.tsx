import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadStudyOverview } from '@/lib/db/overview';
import { filterChoices, filterRows, topFriction, type OverviewFilters } from '@/lib/metrics/overview';
import { Link } from '../Link';
import { OverviewHeatMap } from './OverviewHeatMap';
import { TopFriction } from './TopFriction';
import './overview.css';

/** All the journeys of a study at a glance: a stage × journey heat map and the friction that recurs. */
export function StudyOverviewPage({ studyId }: { studyId: string }) {
  const [filters, setFilters] = useState<OverviewFilters>({});
  const overview = useLiveQuery(async () => (await loadStudyOverview(studyId)) ?? null, [studyId]);
  if (overview === undefined) return null;
  if (overview === null) return <p className="empty">This study no longer exists.</p>;
  const { study, stages } = overview;
  const choices = filterChoices(overview.rows);
  const rows = filterRows(overview.rows, filters);

  return (
    <article className="page" aria-labelledby="overview-heading">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={{ page: 'study', studyId }}>{study.name}</Link>
          </p>
          <h1 id="overview-heading" tabIndex={-1}>
            Study overview
          </h1>
          <p className="muted">
            Every journey of the study by stage: touchpoints, friction, the worst severity and the average emotion.
            Drafts are left out.
          </p>
        </div>
      </header>
      {overview.rows.length === 0 ? (
        <div className="empty overview-empty">
          <p>This study has no journeys yet.</p>
          <p>
            Start a journey from the side panel (or import one on the <Link to={{ page: 'home' }}>Studies</Link> page);
            each journey becomes a row here, with a cell per stage.
          </p>
        </div>
      ) : (
        <>
          <div className="filter-bar" role="search" aria-label="Filter journeys">
            <label className="field">
              <span>Persona</span>
              <select
                value={filters.personaId ?? ''}
                onChange={(e) => setFilters({ ...filters, personaId: e.target.value || undefined })}
              >
                <option value="">All personas</option>
                {choices.personas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Site</span>
              <select
                value={filters.site ?? ''}
                onChange={(e) => setFilters({ ...filters, site: e.target.value || undefined })}
              >
                <option value="">All sites</option>
                {choices.sites.map((site) => (
                  <option key={site} value={site}>
                    {site}
                  </option>
                ))}
              </select>
            </label>
            <p className="filter-count" role="status">
              {rows.length === overview.rows.length
                ? `${rows.length} ${rows.length === 1 ? 'journey' : 'journeys'}`
                : `${rows.length} of ${overview.rows.length} journeys`}
            </p>
          </div>
          <div className="overview-layout">
            <OverviewHeatMap stages={stages} rows={rows} />
            <TopFriction groups={topFriction(rows, stages)} journeys={rows.length} />
          </div>
        </>
      )}
    </article>
  );
}
