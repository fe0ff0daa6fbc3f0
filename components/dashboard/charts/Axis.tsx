import type { ReactNode } from 'react';
import { scale } from '@/lib/metrics/charts';

interface Props {
  ticks: number[];
  /** Where the axis runs, in the SVG's units. */
  from: number;
  to: number;
  top: number;
  bottom: number;
  format: (tick: number) => string;
}

/** Vertical grid lines with their values under the plot, for horizontal bars. */
export function ValueAxis({ ticks, from, to, top, bottom, format }: Props) {
  const x = scale([0, ticks.at(-1)!], [from, to]);
  return (
    <g className="chart-axis">
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={top}
            y2={bottom}
            className={tick === 0 ? 'chart-baseline' : 'chart-grid'}
          />
          <text x={x(tick)} y={bottom + 14} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

interface RowText {
  x: number;
  /** The top of the bar and its height: the text is centred on it. */
  y: number;
  height: number;
  children: ReactNode;
}

/** A bar's name, right-aligned before it. */
export function RowLabel({ x, y, height, children }: RowText) {
  return (
    <text x={x} y={y + height / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
      {children}
    </text>
  );
}

/** A bar's value, just after its end. */
export function BarEnd({ x, y, height, children }: RowText) {
  return (
    <text x={x + 6} y={y + height / 2} dominantBaseline="central" className="chart-value">
      {children}
    </text>
  );
}
