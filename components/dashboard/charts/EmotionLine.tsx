import {
  EMOTION_TICKS,
  emotionRuns,
  emotionTickLabel,
  labelEvery,
  scale,
  stageSpans,
  type EmotionPoint,
} from '@/lib/metrics/charts';
import { formatEmotion } from '@/lib/metrics/journey';
import { ChartFigure } from './ChartFigure';

const WIDTH = 860;
const LEFT = 112;
const RIGHT = WIDTH - 8;
const TOP = 30;
const BOTTOM = 190;

/** The emotion at each touchpoint in walk order, over bands that name the stages. */
export function EmotionLine({ points }: { points: EmotionPoint[] }) {
  const spacing = (RIGHT - LEFT) / Math.max(1, points.length);
  const x = (index: number) => LEFT + (index + 0.5) * spacing;
  const y = scale([-2, 2], [BOTTOM, TOP]);
  const every = labelEvery(points.length, spacing, 22);
  const rated = points.filter((p) => p.emotion !== undefined);
  const summary = emotionSummary(points, rated);
  return (
    <ChartFigure
      title="Emotion per touchpoint"
      summary={`Emotion from −2 (very negative) to +2 (very positive) at each touchpoint in walk order, ${rated.length} of ${points.length} rated: ${summary}.`}
      width={WIDTH}
      height={BOTTOM + 26}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Touchpoint</th>
              <th scope="col">Stage</th>
              <th scope="col">Emotion</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.seq}>
                <td>{p.seq}</td>
                <th scope="row">{p.title}</th>
                <td>{p.stage}</td>
                <td>{p.emotion === undefined ? '–' : formatEmotion(p.emotion)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {stageSpans(points).map((span, i) => {
        const left = LEFT + span.from * spacing;
        const width = (span.to - span.from + 1) * spacing;
        const room = Math.floor(width / 6.5);
        return (
          <g key={`${span.stage}-${span.from}`}>
            {i % 2 === 0 && (
              <rect x={left} y={TOP - 22} width={width} height={BOTTOM - TOP + 22} className="chart-band" />
            )}
            {room >= 3 && (
              <text x={left + width / 2} y={TOP - 10} textAnchor="middle" className="chart-band-label">
                {span.stage.length > room ? `${span.stage.slice(0, room - 1)}…` : span.stage}
              </text>
            )}
          </g>
        );
      })}
      {EMOTION_TICKS.map((tick) => (
        <g key={tick} className="chart-axis">
          <line
            x1={LEFT}
            x2={RIGHT}
            y1={y(tick)}
            y2={y(tick)}
            className={tick === 0 ? 'chart-baseline' : 'chart-grid'}
          />
          <text x={LEFT - 8} y={y(tick)} textAnchor="end" dominantBaseline="central">
            {emotionTickLabel(tick)}
          </text>
        </g>
      ))}
      {points.length === 0 && (
        <text x={(LEFT + RIGHT) / 2} y={(TOP + BOTTOM) / 2 - 8} textAnchor="middle" className="chart-label">
          No touchpoints yet
        </text>
      )}
      {emotionRuns(points).map((run) => (
        <polyline
          key={run[0]![0]}
          points={run.map(([i, emotion]) => `${x(i)},${y(emotion)}`).join(' ')}
          className="chart-line"
        />
      ))}
      {points.map((p, i) => (
        <g key={p.seq}>
          {p.emotion !== undefined && (
            <circle cx={x(i)} cy={y(p.emotion)} r={4} className="chart-dot">
              <title>{`${p.seq} · ${p.title}: ${formatEmotion(p.emotion)}`}</title>
            </circle>
          )}
          {i % every === 0 && (
            <text x={x(i)} y={BOTTOM + 16} textAnchor="middle" className="chart-axis-label">
              {p.seq}
            </text>
          )}
        </g>
      ))}
    </ChartFigure>
  );
}

/** Up to a dozen touchpoints, each named; beyond, the range only (the table lists each): a name must stay short enough to hear. */
function emotionSummary(points: EmotionPoint[], rated: EmotionPoint[]): string {
  if (points.length === 0) return 'no touchpoints';
  const named = (p: EmotionPoint) =>
    `${p.seq} ${p.title}: ${p.emotion === undefined ? 'not rated' : formatEmotion(p.emotion)}`;
  if (points.length <= 12) return points.map(named).join('; ');
  if (rated.length === 0) return 'none rated';
  const byEmotion = [...rated].sort((a, b) => a.emotion! - b.emotion!);
  return `lowest ${named(byEmotion[0]!)}; highest ${named(byEmotion.at(-1)!)}; every touchpoint is in the table`;
}
