import { useLiveQuery } from 'dexie-react-hooks';
import { Sparkles } from 'lucide-react';
import { useState } from 'react';
import { db } from '@/lib/db';
import { drawMockPage } from '@/lib/sample/draw';
import { loadSampleStudy } from '@/lib/sample/sample-study';
import { errorText } from '../ui/errors';
import { useDashboard } from './context';
import { ImportDrop } from './ImportDrop';
import { Link } from './Link';
import { matches } from '@/lib/dashboard/filters';

/** Every study, searchable, with its counts; and the sample study for a first look. */
export function HomePage() {
  const { navigate, error } = useDashboard();
  const [query, setQuery] = useState('');
  const [loading, setLoading] = useState(false);
  const studies = useLiveQuery(async () => {
    const all = await db.studies.orderBy('updatedAt').reverse().toArray();
    return Promise.all(
      all.map(async (study) => ({
        study,
        personas: await db.personas.where({ studyId: study.id }).count(),
        journeys: await db.journeys.where({ studyId: study.id }).count(),
      })),
    );
  }, []);
  const shown = studies?.filter(({ study }) => matches(query, study.name, study.company, study.description));

  const loadSample = async () => {
    setLoading(true);
    try {
      const study = await loadSampleStudy(drawMockPage);
      navigate({ page: 'study', studyId: study.id });
    } catch (reason) {
      error(`Could not load the sample study: ${errorText(reason)}`);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="page" aria-labelledby="home-heading">
      <header className="page-head">
        <h1 id="home-heading" tabIndex={-1}>
          Studies
        </h1>
        <button type="button" onClick={() => void loadSample()} disabled={loading}>
          <Sparkles size={16} aria-hidden /> {loading ? 'Loading the sample…' : 'Load sample study'}
        </button>
      </header>
      {studies?.length === 0 && (
        <p className="empty">
          No studies yet. Start one from the Touchtrail side panel while you walk a site, or load the sample study to
          see every view at once.
        </p>
      )}
      {Boolean(studies?.length) && (
        <label className="field search-field">
          <span>Search studies</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      )}
      <ul className="study-list">
        {shown?.map(({ study, personas, journeys }) => (
          <li key={study.id} className="study-card">
            <Link to={{ page: 'study', studyId: study.id }}>{study.name}</Link>
            <span className="muted">{study.company}</span>
            <span className="muted small">
              {personas} {personas === 1 ? 'persona' : 'personas'} · {journeys}{' '}
              {journeys === 1 ? 'journey' : 'journeys'}
            </span>
          </li>
        ))}
      </ul>
      {query && shown?.length === 0 && <p className="muted">No study matches “{query}”.</p>}
      <ImportDrop studyName={async (id) => (await db.studies.get(id))?.name} />
    </section>
  );
}
