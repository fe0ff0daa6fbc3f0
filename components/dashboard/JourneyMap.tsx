import { useState } from 'react';
import { formatConsiderations, formatEmotion, journeyMetrics, kept, stagesInUse } from '@/lib/metrics/journey';
import { FRICTION_SEVERITIES, label, type Journey, type Study, type Touchpoint } from '@/lib/model';
import { errorText } from '../ui/errors';
import { ScreenshotThumb } from '../ui/ScreenshotThumb';
import { useDashboard } from './context';
import { EmotionCurve } from './EmotionCurve';

interface Props {
  journey: Journey;
  study: Study;
  touchpoints: Touchpoint[];
}

/** Touchpoints per stage shown on the map before "+ n more" (the map is a picture, not a list). */
const PER_STAGE = 8;

/**
 * The journey map: stages as columns, lanes as rows — touchpoints, channel, owner, goal,
 * friction, the emotion curve and promises — with moments of truth marked.
 */
export function JourneyMap({ journey, study, touchpoints }: Props) {
  const [keyOnly, setKeyOnly] = useState(false);
  const { toast, error } = useDashboard();
  const copyMap = async () => {
    try {
      // Loaded on demand, as the exports are: the map's own view needs none of it.
      const [{ boardGrid, gridToHtml, gridToTsv }, { gatherExport }] = await Promise.all([
        import('@/lib/export/board'),
        import('@/lib/export/gather'),
      ]);
      const grid = boardGrid(await gatherExport({ journeyId: journey.id }), journey, keyOnly);
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([gridToTsv(grid)], { type: 'text/plain' }),
          'text/html': new Blob([gridToHtml(grid)], { type: 'text/html' }),
        }),
      ]);
      toast({ text: 'Map copied: paste it into a spreadsheet or a whiteboard.' });
    } catch (reason) {
      error(`Could not copy the map: ${errorText(reason)}`);
    }
  };
  const shown = kept(touchpoints).filter((t) => !keyOnly || t.key);
  const stages = stagesInUse(study.stages, shown);
  const metrics = journeyMetrics(journey, shown, study.stages);
  const inStage = (stage: string) => shown.filter((t) => t.stage === stage);
  const distinct = (stage: string, pick: (t: Touchpoint) => string | undefined) => [
    ...new Set(
      inStage(stage)
        .map(pick)
        .filter((v): v is string => Boolean(v)),
    ),
  ];
  const columns = { gridTemplateColumns: `9rem repeat(${stages.length}, minmax(9rem, 1fr))` };
  const lane = (name: string, cell: (stage: string) => React.ReactNode) => (
    <div className="map-lane" role="row">
      <div className="map-lane-name" role="rowheader">
        {name}
      </div>
      {stages.map((stage) => (
        <div key={stage} className="map-cell" role="cell">
          {cell(stage)}
        </div>
      ))}
    </div>
  );

  return (
    <section className="journey-map-section" aria-label="Journey map">
      <div className="row no-print">
        <label className="switch">
          <input type="checkbox" role="switch" checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)} />
          Key touchpoints only
        </label>
        <span className="muted">
          {shown.length} {shown.length === 1 ? 'touchpoint' : 'touchpoints'} on the map
        </span>
        <button type="button" onClick={() => void copyMap()} title="Paste into a spreadsheet, Miro, Mural or FigJam">
          Copy map
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <div className="journey-map" role="table" aria-label={`Journey map of ${journey.title}`} style={columns}>
        <div className="map-lane map-stages" role="row">
          <div className="map-lane-name" role="columnheader">
            Stage
          </div>
          {stages.map((stage) => (
            <div key={stage} className="map-cell map-stage" role="columnheader">
              {stage}
            </div>
          ))}
        </div>
        {lane('Touchpoints', (stage) => (
          <ul className="map-touchpoints">
            {inStage(stage)
              .slice(0, PER_STAGE)
              .map((t) => (
                <li key={t.id} className={t.momentOfTruth ? 'moment-of-truth' : undefined}>
                  <ScreenshotThumb screenshotId={t.screenshotId} title={t.title} annotations={t.annotations} />
                  <span>
                    {t.momentOfTruth && <span title="Moment of truth">★ </span>}
                    {t.title || 'Untitled'}
                  </span>
                </li>
              ))}
            {inStage(stage).length > PER_STAGE && <li className="muted">+ {inStage(stage).length - PER_STAGE} more</li>}
          </ul>
        ))}
        {lane('Channel', (stage) => distinct(stage, (t) => label(t.channel)).join(', '))}
        {lane('Owner', (stage) => distinct(stage, (t) => label(t.owner)).join(', '))}
        {lane('Goal', (stage) => distinct(stage, (t) => t.goal).join('; '))}
        {lane('Friction', (stage) => {
          const found = metrics.stages.find((s) => s.stage === stage);
          if (!found?.friction) return <span className="muted">None</span>;
          const worst = [...FRICTION_SEVERITIES].reverse().find((s) => found.bySeverity[s] > 0)!;
          return (
            <>
              <span className={`severity-chip severity-${worst}`}>
                {found.friction} · worst {label(worst)}
              </span>
              <span className="small">{Object.keys(found.byCategory).map(label).join(', ')}</span>
            </>
          );
        })}
        {lane('Considerations', (stage) => {
          const averages = metrics.stages.find((s) => s.stage === stage)?.considerations ?? {};
          if (Object.keys(averages).length === 0) return <span className="muted">–</span>;
          return (
            <span title={formatConsiderations(averages, true)}>
              <span aria-hidden="true">{formatConsiderations(averages)}</span>
              <span className="visually-hidden">{formatConsiderations(averages, true)}</span>
            </span>
          );
        })}
        <div className="map-lane" role="row">
          <div className="map-lane-name" role="rowheader">
            Emotion
          </div>
          <div className="map-cell map-curve" role="cell" style={{ gridColumn: `2 / span ${stages.length}` }}>
            <EmotionCurve
              stages={stages}
              series={[
                { name: journey.title, values: metrics.stages.map((s) => s.averageEmotion), colour: 'var(--accent)' },
              ]}
            />
            <div className="curve-values" style={{ gridTemplateColumns: `repeat(${stages.length}, 1fr)` }}>
              {metrics.stages.map((s) => (
                <span key={s.stage}>{s.averageEmotion === undefined ? '–' : formatEmotion(s.averageEmotion)}</span>
              ))}
            </div>
          </div>
        </div>
        {lane('Promises', (stage) => {
          const found = metrics.stages.find((s) => s.stage === stage);
          if (!found || (!found.promisesKept && !found.promisesBroken)) return <span className="muted">–</span>;
          return (
            <span>
              {found.promisesKept} kept · {found.promisesBroken} broken
            </span>
          );
        })}
      </div>
    </section>
  );
}
