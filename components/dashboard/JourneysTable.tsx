import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, journeyDurationMs, listTouchpoints } from '@/lib/db';
import { label, type Study } from '@/lib/model';
import { formatDuration } from '../sidepanel/WalkHeader';
import { ExportMenu } from '../export/ExportMenu';
import { Link } from './Link';
import { useDashboard } from './context';

/** The study's journeys, with a choice of 2–4 of them to compare. */
export function JourneysTable({ study }: { study: Study }) {
  const { navigate, error } = useDashboard();
  const [picked, setPicked] = useState<string[]>([]);
  const rows = useLiveQuery(async () => {
    const journeys = await db.journeys.where({ studyId: study.id }).sortBy('startedAt');
    const personas = await db.personas.where({ studyId: study.id }).toArray();
    return Promise.all(
      journeys.map(async (journey) => {
        const points = await listTouchpoints(journey.id);
        return {
          journey,
          persona: personas.find((p) => p.id === journey.personaId)?.name ?? 'Unknown persona',
          touchpoints: points.filter((t) => !t.draft).length,
          friction: points.filter((t) => !t.draft && t.friction.severity !== 'none').length,
        };
      }),
    );
  }, [study.id]);
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id].slice(-4) : current.filter((x) => x !== id)));

  return (
    <section className="card-section" aria-labelledby="journeys-heading">
      <div className="section-head">
        <h2 id="journeys-heading">Journeys</h2>
        {picked.length > 0 && (
          <ExportMenu
            scope={{ journeyIds: picked }}
            label={`Export ${picked.length} ${picked.length === 1 ? 'journey' : 'journeys'}`}
            onError={error}
          />
        )}
        <button
          type="button"
          disabled={picked.length < 2}
          onClick={() => navigate({ page: 'compare', studyId: study.id, journeyIds: picked })}
          title="Pick 2 to 4 journeys in the table to compare them"
        >
          Compare {picked.length >= 2 ? picked.length : ''} journeys
        </button>
      </div>
      {rows?.length === 0 ? (
        <p className="muted">No journeys yet: start one from the side panel.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Pick</th>
              <th scope="col">Journey</th>
              <th scope="col">Persona</th>
              <th scope="col">Scenario</th>
              <th scope="col">Status</th>
              <th scope="col">Touchpoints</th>
              <th scope="col">With friction</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {rows?.map(({ journey, persona, touchpoints, friction }) => (
              <tr key={journey.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Pick ${journey.title}`}
                    checked={picked.includes(journey.id)}
                    onChange={(e) => toggle(journey.id, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  <Link to={{ page: 'journey', journeyId: journey.id, tab: 'timeline' }}>{journey.title}</Link>
                </th>
                <td>{persona}</td>
                <td>{journey.scenario}</td>
                <td>{label(journey.status)}</td>
                <td>{touchpoints}</td>
                <td>{friction}</td>
                <td>{formatDuration(journeyDurationMs(journey))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
