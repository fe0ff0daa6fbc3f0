import { formatEmotion } from '@/lib/metrics/journey';

export interface CurveSeries {
  name: string;
  /** Average emotion (−2 … +2) per stage; undefined where the stage has none. */
  values: (number | undefined)[];
  colour: string;
}

const STEP = 100;
const HEIGHT = 100;
const y = (emotion: number) => HEIGHT / 2 - emotion * (HEIGHT / 4.6);

/**
 * The emotion curve: a line across the stages, one per journey. It stretches to the width of
 * the stage columns it sits under; the dots are zero-length round-capped lines so they stay
 * round when stretched.
 */
export function EmotionCurve({ stages, series }: { stages: string[]; series: CurveSeries[] }) {
  const width = stages.length * STEP;
  const description = series
    .map(
      (s) =>
        `${s.name}: ${stages
          .map((stage, i) => `${stage} ${s.values[i] === undefined ? 'no data' : formatEmotion(s.values[i])}`)
          .join(', ')}`,
    )
    .join('. ');
  return (
    <svg
      className="emotion-curve"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Emotion curve. ${description}`}
    >
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="curve-axis" vectorEffect="non-scaling-stroke" />
      {series.map((s) => {
        const points = s.values.flatMap((value, i) =>
          value === undefined ? [] : [[(i + 0.5) * STEP, y(value)] as const],
        );
        return (
          <g key={s.name} style={{ color: s.colour }}>
            <polyline
              points={points.map(([px, py]) => `${px},${py}`).join(' ')}
              fill="none"
              stroke="currentColor"
              strokeWidth={3}
              vectorEffect="non-scaling-stroke"
            />
            {points.map(([px, py]) => (
              <line
                key={px}
                x1={px}
                x2={px}
                y1={py}
                y2={py}
                stroke="currentColor"
                strokeWidth={10}
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
