import { useLiveQuery } from 'dexie-react-hooks';
import { db, journeyDurationMs, listTouchpoints } from '@/lib/db';
import { JOURNEY_TABS, type JourneyTab } from '@/lib/dashboard/routes';
import { label } from '@/lib/model';
import { formatDuration } from '../sidepanel/WalkHeader';
import { JourneyMap } from './JourneyMap';
import { ExportMenu } from '../export/ExportMenu';
import { useDashboard } from './context';
import { Link } from './Link';
import { MetricsView } from './MetricsView';
import { Timeline } from './Timeline';

const TAB_NAMES: Record<JourneyTab, string> = { timeline: 'Timeline', map: 'Journey map', metrics: 'Metrics' };

/** One journey: its timeline, its map and its metrics; live while the walk goes on. */
export function JourneyPage({ journeyId, tab, stage }: { journeyId: string; tab: JourneyTab; stage?: string }) {
  const { error } = useDashboard();
  const data = useLiveQuery(async () => {
    const journey = await db.journeys.get(journeyId);
    if (!journey) return null;
    const [study, persona, touchpoints] = await Promise.all([
      db.studies.get(journey.studyId),
      db.personas.get(journey.personaId),
      listTouchpoints(journeyId),
    ]);
    return study ? { journey, study, persona, touchpoints } : null;
  }, [journeyId]);
  if (data === undefined) return null;
  if (data === null) return <p className="empty">This journey no longer exists.</p>;
  const { journey, study, persona, touchpoints } = data;

  return (
    <article className="page" aria-labelledby="journey-heading">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={{ page: 'study', studyId: study.id }}>{study.name}</Link>
          </p>
          <h1 id="journey-heading" tabIndex={-1}>
            {journey.title}
          </h1>
          <p className="muted">
            {persona?.name ?? 'Unknown persona'} · {journey.scenario} · {label(journey.status)} ·{' '}
            {formatDuration(journeyDurationMs(journey))}
          </p>
        </div>
        <ExportMenu scope={{ journeyId }} label="Export journey" onError={error} />
      </header>
      <nav className="tabs" aria-label="Journey views">
        {JOURNEY_TABS.map((t) => (
          <Link key={t} to={{ page: 'journey', journeyId, tab: t }} current={t === tab} className="tab">
            {TAB_NAMES[t]}
          </Link>
        ))}
        <Link to={{ page: 'compare', studyId: study.id, journeyIds: [journeyId] }} className="tab">
          Compare
        </Link>
      </nav>
      {tab === 'timeline' && (
        // Keyed by the stage, so that following another stage's link starts from its filter.
        <Timeline key={stage} journey={journey} study={study} touchpoints={touchpoints} initialStage={stage} />
      )}
      {tab === 'map' && <JourneyMap journey={journey} study={study} touchpoints={touchpoints} />}
      {tab === 'metrics' && <MetricsView journey={journey} study={study} touchpoints={touchpoints} />}
    </article>
  );
}
