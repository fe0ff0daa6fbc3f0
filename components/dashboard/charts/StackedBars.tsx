import { CHART_SEVERITIES, SEVERITY_HATCHED, niceTicks, scale, type StageFriction } from '@/lib/metrics/charts';
import { label } from '@/lib/model';
import { BarEnd, RowLabel, ValueAxis } from './Axis';
import { ChartFigure, useSvgId } from './ChartFigure';

const WIDTH = 860;
const LABEL_WIDTH = 150;
const ROW = 30;
const BAR = 18;
const TOP = 8;

/** Friction per stage as horizontal bars, one segment per severity, lightest first. */
export function StackedBars({ rows }: { rows: StageFriction[] }) {
  const hatch = useSvgId();
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.total)), { whole: true });
  const x = scale([0, ticks.at(-1)!], [LABEL_WIDTH, WIDTH - 24]);
  const bottom = TOP + rows.length * ROW;
  const summary = rows
    .map(
      (r) =>
        `${r.stage}: ${r.total === 0 ? 'no friction' : r.segments.map((s) => `${s.count} ${label(s.severity).toLowerCase()}`).join(', ')}`,
    )
    .join('. ');
  return (
    <ChartFigure
      title="Friction per stage, by severity"
      summary={`Touchpoints with friction per stage, stacked by severity. ${summary}.`}
      width={WIDTH}
      height={bottom + 22}
      legend={<SeverityLegend hatch={hatch} />}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {CHART_SEVERITIES.map((s) => (
                <th key={s} scope="col">
                  {label(s)}
                </th>
              ))}
              <th scope="col">With friction</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{r.stage}</th>
                {CHART_SEVERITIES.map((s) => (
                  <td key={s}>{r.counts[s]}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <HatchPattern id={hatch} />
      <ValueAxis ticks={ticks} from={LABEL_WIDTH} to={WIDTH - 24} top={TOP - 4} bottom={bottom} format={String} />
      {rows.map((r, i) => {
        const y = TOP + i * ROW + (ROW - BAR) / 2;
        return (
          <g key={r.stage}>
            <RowLabel x={LABEL_WIDTH - 8} y={y} height={BAR}>
              {r.stage.length > 22 ? `${r.stage.slice(0, 21)}…` : r.stage}
            </RowLabel>
            {r.segments.map((s) => {
              const left = x(s.start);
              const width = x(s.start + s.count) - left;
              const tag = 12 + String(s.count).length * 7;
              return (
                <g key={s.severity}>
                  <rect x={left} y={y} width={width} height={BAR} className={`sev-fill-${s.severity} chart-segment`} />
                  {SEVERITY_HATCHED[s.severity] && (
                    <rect x={left} y={y} width={width} height={BAR} fill={`url(#${hatch})`} />
                  )}
                  {width >= tag + 4 && (
                    <>
                      <rect
                        x={left + (width - tag) / 2}
                        y={y + 2}
                        width={tag}
                        height={BAR - 4}
                        rx={3}
                        className={`sev-fill-${s.severity}`}
                      />
                      <text
                        x={left + width / 2}
                        y={y + BAR / 2}
                        textAnchor="middle"
                        dominantBaseline="central"
                        className="chart-in-bar"
                      >
                        {s.count}
                      </text>
                    </>
                  )}
                </g>
              );
            })}
            <BarEnd x={x(r.total)} y={y} height={BAR}>
              {r.total}
            </BarEnd>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Diagonal stripes in the surface colour, laid over a segment's colour. */
export function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1={0} y1={0} x2={0} y2={6} className="chart-hatch" />
      </pattern>
    </defs>
  );
}

/** The severities in words, each beside its swatch. */
function SeverityLegend({ hatch }: { hatch: string }) {
  return (
    <ul className="legend chart-legend" aria-label="Severities">
      {CHART_SEVERITIES.map((s) => (
        <li key={s}>
          <svg className="legend-swatch" viewBox="0 0 12 12" aria-hidden="true">
            <rect width={12} height={12} className={`sev-fill-${s}`} />
            {SEVERITY_HATCHED[s] && <rect width={12} height={12} fill={`url(#${hatch})`} />}
          </svg>
          {label(s)}
        </li>
      ))}
    </ul>
  );
}
