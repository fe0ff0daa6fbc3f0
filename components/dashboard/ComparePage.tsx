import { useLiveQuery } from 'dexie-react-hooks';
import { db, listTouchpoints } from '@/lib/db';
import { compareJourneys, type ComparedStage } from '@/lib/metrics/compare';
import type { ReactNode } from 'react';
import { formatEmotion, journeyMetrics, type JourneyMetrics } from '@/lib/metrics/journey';
import { label, type Journey } from '@/lib/model';
import { useDashboard } from './context';
import { EmotionCurve } from './EmotionCurve';
import { Link } from './Link';

/** Line colours for up to four journeys, told apart by their legend too (never colour alone). */
const COLOURS = ['#2456d6', '#c2410c', '#0f766e', '#7e22ce'];

interface Compared {
  journey: Journey;
  persona: string;
  metrics: JourneyMetrics;
}

/** 2–4 journeys side by side: per-stage figures, emotion curves overlaid, friction hotspots. */
export function ComparePage({ studyId, journeyIds }: { studyId: string; journeyIds: string[] }) {
  const { navigate } = useDashboard();
  const data = useLiveQuery(async () => {
    const study = await db.studies.get(studyId);
    if (!study) return null;
    const journeys = await db.journeys.where({ studyId }).sortBy('startedAt');
    const personas = await db.personas.where({ studyId }).toArray();
    const compared: Compared[] = [];
    for (const id of journeyIds) {
      const journey = journeys.find((j) => j.id === id);
      if (!journey) continue;
      compared.push({
        journey,
        persona: personas.find((p) => p.id === journey.personaId)?.name ?? 'Unknown persona',
        metrics: journeyMetrics(journey, await listTouchpoints(id), study.stages),
      });
    }
    return { study, journeys, compared };
  }, [studyId, journeyIds.join(',')]);
  if (data === undefined) return null;
  if (data === null) return <p className="empty">This study no longer exists.</p>;
  const { study, journeys, compared } = data;
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...journeyIds, id].slice(-4) : journeyIds.filter((x) => x !== id);
    navigate({ page: 'compare', studyId, journeyIds: next });
  };
  const comparison = compareJourneys(compared.map((c) => c.metrics));
  const stages = comparison.stages.map((s) => s.stage);

  return (
    <article className="page" aria-labelledby="compare-heading">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={{ page: 'study', studyId }}>{study.name}</Link>
          </p>
          <h1 id="compare-heading" tabIndex={-1}>
            Compare journeys
          </h1>
        </div>
      </header>
      <fieldset className="compare-picker">
        <legend>Journeys to compare (2 to 4)</legend>
        {journeys.map((j) => (
          <label key={j.id} className="checkbox">
            <input
              type="checkbox"
              checked={journeyIds.includes(j.id)}
              onChange={(e) => toggle(j.id, e.target.checked)}
            />
            {j.title}
          </label>
        ))}
      </fieldset>
      {compared.length < 2 ? (
        <p className="empty">Pick at least two journeys.</p>
      ) : (
        <>
          <table className="data-table compare-table">
            <caption>
              Per stage: steps, steps with friction, average effort (1 very easy – 7 very hard) and emotion
            </caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Figure</th>
                {compared.map((c, i) => (
                  <th key={c.journey.id} scope="col">
                    <span className="legend-swatch" style={{ background: COLOURS[i] }} aria-hidden="true" />
                    {c.journey.title}
                    <span className="muted small"> · {c.persona}</span>
                  </th>
                ))}
              </tr>
            </thead>
            {comparison.stages.map((stage) => (
              <StageRows key={stage.stage} stage={stage} journeys={compared.map((c) => c.journey.id)} />
            ))}
            <tbody>
              <tr>
                <th scope="row" colSpan={2}>
                  Steps to first purchase
                </th>
                {compared.map((c, i) => (
                  <td key={c.journey.id}>
                    {comparison.toFirstPurchaseSteps[i] === undefined ? (
                      'No purchase'
                    ) : (
                      <Figure
                        value={comparison.toFirstPurchaseSteps[i]}
                        unit="steps"
                        most={comparison.mostStepsToPurchase[i]!}
                      />
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <section aria-labelledby="curves-heading" className="card-section">
            <h2 id="curves-heading">Emotion across the stages</h2>
            <ul className="legend">
              {compared.map((c, i) => (
                <li key={c.journey.id}>
                  <span className="legend-swatch" style={{ background: COLOURS[i] }} aria-hidden="true" />
                  {c.journey.title}
                </li>
              ))}
            </ul>
            <div className="compare-curve">
              <EmotionCurve
                stages={stages}
                series={compared.map((c, i) => ({
                  name: c.journey.title,
                  values: stages.map((s) => c.metrics.stages.find((m) => m.stage === s)?.averageEmotion),
                  colour: COLOURS[i]!,
                }))}
              />
              <div className="curve-values" style={{ gridTemplateColumns: `repeat(${stages.length}, 1fr)` }}>
                {stages.map((s) => (
                  <span key={s}>{s}</span>
                ))}
              </div>
            </div>
          </section>
          <section aria-labelledby="hotspots-heading" className="card-section">
            <h2 id="hotspots-heading">Friction hotspots</h2>
            <div className="hotspots">
              {compared.map((c) => (
                <div key={c.journey.id}>
                  <h3>{c.journey.title}</h3>
                  <Hotspots metrics={c.metrics} />
                </div>
              ))}
            </div>
          </section>
        </>
      )}
    </article>
  );
}

/** A stage's figures, one row each under the stage's name, so every cell holds one figure. */
function StageRows({ stage, journeys }: { stage: ComparedStage; journeys: string[] }) {
  const figures: [string, (journey: number) => ReactNode][] = [
    ['Steps', (i) => <Figure value={stage.touchpoints[i]!} unit="steps" most={stage.mostSteps[i]!} />],
    ['Steps with friction', (i) => <Figure value={stage.friction[i]!} unit="steps" most={stage.mostFriction[i]!} />],
    ['Average effort', (i) => notRated(stage.averageEffort[i], (effort) => `${effort.toFixed(1)} of 7`)],
    ['Average emotion', (i) => notRated(stage.averageEmotion[i], formatEmotion)],
  ];
  return (
    <tbody>
      {figures.map(([name, cell], row) => (
        <tr key={name}>
          {row === 0 && (
            <th scope="rowgroup" rowSpan={figures.length}>
              {stage.stage}
            </th>
          )}
          <th scope="row">{name}</th>
          {journeys.map((id, i) => (
            <td key={id}>{cell(i)}</td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

const notRated = (value: number | undefined, format: (value: number) => string) =>
  value === undefined ? 'Not rated' : format(value);

function Figure({ value, unit, most }: { value: number; unit: string; most: boolean }) {
  return (
    <span className={most ? 'most' : undefined}>
      {value} {value === 1 ? unit.replace(/^steps/, 'step') : unit}
      {most && <strong> (most)</strong>}
    </span>
  );
}

function Hotspots({ metrics }: { metrics: JourneyMetrics }) {
  const hot = metrics.stages
    .filter((s) => s.friction > 0)
    .sort((a, b) => b.friction - a.friction)
    .slice(0, 3);
  if (hot.length === 0) return <p className="muted">No friction recorded.</p>;
  return (
    <ol>
      {hot.map((s) => (
        <li key={s.stage}>
          <strong>{s.stage}</strong>: {s.friction} with friction
          {Object.keys(s.byCategory).length > 0 && ` (${Object.keys(s.byCategory).map(label).join(', ')})`}
          {s.averageEmotion !== undefined && `, emotion ${formatEmotion(s.averageEmotion)}`}
        </li>
      ))}
    </ol>
  );
}
