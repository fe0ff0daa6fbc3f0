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
            <FilterChoice
              label="Persona"
              all="All personas"
              value={filters.personaId}
              options={choices.personas.map((p) => ({ value: p.id, text: p.name }))}
              onChange={(personaId) => setFilters({ ...filters, personaId })}
            />
            <FilterChoice
              label="Site"
              all="All sites"
              value={filters.site}
              options={choices.sites.map((site) => ({ value: site, text: site }))}
              onChange={(site) => setFilters({ ...filters, site })}
            />
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

interface FilterChoiceProps {
  label: string;
  /** The first option, which lets every journey through. */
  all: string;
  value?: string;
  options: { value: string; text: string }[];
  onChange: (value: string | undefined) => void;
}

function FilterChoice({ label, all, value, options, onChange }: FilterChoiceProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}
