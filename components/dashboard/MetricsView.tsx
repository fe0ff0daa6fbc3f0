import { emotionPerTouchpoint, formatShare, frictionBySeverity, shareBars } from '@/lib/metrics/charts';
import { formatEmotion, journeyMetrics } from '@/lib/metrics/journey';
import { CONSIDERATION_KEYS, FRICTION_SEVERITIES, label, type Journey, type Study, type Touchpoint } from '@/lib/model';
import { formatDuration } from '../sidepanel/WalkHeader';
import { EmotionLine } from './charts/EmotionLine';
import { ShareBars } from './charts/ShareBars';
import { StackedBars } from './charts/StackedBars';

interface Props {
  journey: Journey;
  study: Study;
  touchpoints: Touchpoint[];
}

const oneDecimal = (value: number | undefined) =>
  value === undefined ? '–' : (Math.round(value * 10) / 10).toFixed(1);

/** The journey's figures (lib/metrics): per stage, to the first purchase, and shares. */
export function MetricsView({ journey, study, touchpoints }: Props) {
  const metrics = journeyMetrics(journey, touchpoints, study.stages);
  const severities = FRICTION_SEVERITIES.filter((s) => s !== 'none');
  return (
    <section className="metrics" aria-label="Metrics">
      <dl className="metric-tiles">
        <div>
          <dt>Touchpoints</dt>
          <dd>{metrics.total}</dd>
        </div>
        <div>
          <dt>Steps to first purchase</dt>
          <dd>{metrics.toFirstPurchase?.steps ?? '–'}</dd>
        </div>
        <div>
          <dt>Time to first purchase</dt>
          <dd>{metrics.toFirstPurchase ? formatDuration(metrics.toFirstPurchase.ms) : '–'}</dd>
        </div>
        <div>
          <dt>Touchpoints with friction</dt>
          <dd>{metrics.friction}</dd>
        </div>
      </dl>
      <StackedBars rows={frictionBySeverity(metrics)} />
      <EmotionLine points={emotionPerTouchpoint(touchpoints)} />
      <div className="chart-pair">
        <ShareBars title="Share of touchpoints per owner" what="owner" bars={shareBars(metrics.ownerShare)} />
        <ShareBars title="Share of touchpoints per channel" what="channel" bars={shareBars(metrics.channelShare)} />
      </div>
      <table className="data-table">
        <caption>Per stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Touchpoints</th>
            <th scope="col">With friction</th>
            {severities.map((s) => (
              <th key={s} scope="col">
                {label(s)}
              </th>
            ))}
            <th scope="col">Friction categories</th>
            <th scope="col">Average effort (1–7)</th>
            <th scope="col">Average emotion</th>
            {CONSIDERATION_KEYS.map((key) => (
              <th key={key} scope="col">
                {label(key)} (1–5)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.stages.map((stage) => (
            <tr key={stage.stage}>
              <th scope="row">{stage.stage}</th>
              <td>{stage.touchpoints}</td>
              <td>{stage.friction}</td>
              {severities.map((s) => (
                <td key={s}>{stage.bySeverity[s]}</td>
              ))}
              <td>
                {Object.entries(stage.byCategory)
                  .map(([category, count]) => `${label(category)} ${count}`)
                  .join(', ') || '–'}
              </td>
              <td>{oneDecimal(stage.averageEffort)}</td>
              <td>{stage.averageEmotion === undefined ? '–' : formatEmotion(stage.averageEmotion)}</td>
              {CONSIDERATION_KEYS.map((key) => (
                <td key={key}>{oneDecimal(stage.considerations[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="two-columns">
        <ShareTable caption="Share per owner" shares={metrics.ownerShare} />
        <ShareTable caption="Share per channel" shares={metrics.channelShare} />
      </div>
    </section>
  );
}

function ShareTable({ caption, shares }: { caption: string; shares: Record<string, number> }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <tbody>
        {shareBars(shares).map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td>{formatShare(bar.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
