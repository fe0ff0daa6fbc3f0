import { formatShare, niceTicks, scale, type ShareBar } from '@/lib/metrics/charts';
import { BarEnd, RowLabel, ValueAxis } from './Axis';
import { ChartFigure } from './ChartFigure';

const WIDTH = 420;
const LABEL_WIDTH = 130;
const ROW = 26;
const BAR = 16;
const TOP = 8;

/** Shares (of touchpoints per owner or channel) as horizontal bars, largest first. */
export function ShareBars({ title, what, bars }: { title: string; what: string; bars: ShareBar[] }) {
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.share)));
  const right = WIDTH - 44;
  const x = scale([0, ticks.at(-1)!], [LABEL_WIDTH, right]);
  const bottom = TOP + Math.max(1, bars.length) * ROW;
  const summary = bars.length ? bars.map((b) => `${b.label} ${formatShare(b.share)}`).join(', ') : 'no touchpoints';
  return (
    <ChartFigure
      title={title}
      summary={`Share of touchpoints per ${what}: ${summary}.`}
      width={WIDTH}
      height={bottom + 22}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{what[0]!.toUpperCase() + what.slice(1)}</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>{formatShare(b.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ValueAxis ticks={ticks} from={LABEL_WIDTH} to={right} top={TOP - 4} bottom={bottom} format={formatShare} />
      {bars.map((b, i) => {
        const y = TOP + i * ROW + (ROW - BAR) / 2;
        return (
          <g key={b.key}>
            <RowLabel x={LABEL_WIDTH - 8} y={y} height={BAR}>
              {b.label}
            </RowLabel>
            <rect x={LABEL_WIDTH} y={y} width={x(b.share) - LABEL_WIDTH} height={BAR} className="chart-bar" />
            <BarEnd x={x(b.share)} y={y} height={BAR}>
              {formatShare(b.share)}
            </BarEnd>
          </g>
        );
      })}
    </ChartFigure>
  );
}
