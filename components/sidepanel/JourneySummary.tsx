import { useLiveQuery } from 'dexie-react-hooks';
import { db, journeyDurationMs, listTouchpoints } from '@/lib/db';
import { ExportMenu } from '../export/ExportMenu';
import { ExportButton } from './ExportButton';
import { OpenDashboardButton } from './OpenDashboardButton';
import { formatDuration } from './WalkHeader';

/** Keyboard focus goes to the summary once, since the "End journey" button is gone. */
function focusOnce(heading: HTMLHeadingElement | null) {
  if (heading && !heading.dataset.focused) {
    heading.dataset.focused = 'true';
    heading.focus();
  }
}

/** Shown after "End journey": what was recorded, and the way out to export. */
export function JourneySummary(props: { journeyId: string; onClose: () => void; onError: (message: string) => void }) {
  const data = useLiveQuery(async () => {
    const journey = await db.journeys.get(props.journeyId);
    if (!journey) return null;
    const study = await db.studies.get(journey.studyId);
    return { journey, study, touchpoints: await listTouchpoints(journey.id) };
  }, [props.journeyId]);
  if (!data) return null;
  const { journey, study, touchpoints } = data;
  const stages = [...new Set([...(study?.stages ?? []), ...touchpoints.map((t) => t.stage)])];
  const frictionCount = touchpoints.filter((t) => t.friction.severity !== 'none').length;

  return (
    <section className="summary" aria-labelledby="summary-title">
      <h1 id="summary-title" tabIndex={-1} ref={focusOnce}>
        Journey ended: {journey.title}
      </h1>
      <dl className="summary-figures">
        <div>
          <dt>Touchpoints</dt>
          <dd>{touchpoints.length}</dd>
        </div>
        <div>
          <dt>With friction</dt>
          <dd>{frictionCount}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(journeyDurationMs(journey))}</dd>
        </div>
      </dl>
      <table className="stage-table">
        <caption>Touchpoints per stage</caption>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage}>
              <th scope="row">{stage}</th>
              <td>{touchpoints.filter((t) => t.stage === stage).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <OpenDashboardButton to={{ page: 'journey', journeyId: journey.id, tab: 'map' }} label="Open in dashboard" />
        <ExportButton scope={{ journeyId: journey.id }} label="Export journey" onError={props.onError} />
        <ExportMenu scope={{ journeyId: journey.id }} label="Other formats" onError={props.onError} />
        <button type="button" className="primary" onClick={props.onClose}>
          Start another journey
        </button>
      </div>
    </section>
  );
}
