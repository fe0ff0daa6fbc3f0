import { label } from '@/lib/model';
import type { OverviewCell, OverviewRow } from '@/lib/metrics/overview';
import { Link } from '../Link';

/** A cell's figures in words, a line each: "3 touchpoints", "2 friction · worst Major", "emotion +0.5". */
function cellLines(cell: OverviewCell): string[] {
  return [
    `${cell.touchpoints} ${cell.touchpoints === 1 ? 'touchpoint' : 'touchpoints'}`,
    cell.friction ? `${cell.friction} friction · worst ${label(cell.worst)}` : 'no friction',
    cell.averageEmotion === undefined ? 'no emotion' : `emotion ${signed(cell.averageEmotion)}`,
  ];
}

function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

/** Stages across, journeys down; each cell opens that journey's timeline at that stage. */
export function OverviewHeatMap({ stages, rows }: { stages: string[]; rows: OverviewRow[] }) {
  return (
    <section className="card-section overview-heat" aria-labelledby="heat-heading">
      <h2 id="heat-heading">Journeys by stage</h2>
      {rows.length === 0 ? (
        <p className="empty">No journey matches these filters.</p>
      ) : (
        <div className="heat-scroll">
          <table className="heat-map">
            <caption className="visually-hidden">
              Touchpoints, friction, worst severity and average emotion per journey and stage
            </caption>
            <thead>
              <tr>
                <th scope="col">Journey</th>
                {stages.map((stage) => (
                  <th scope="col" key={stage}>
                    {stage}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.journey.id}>
                  <th scope="row">
                    <Link to={{ page: 'journey', journeyId: row.journey.id, tab: 'timeline' }}>
                      {row.journey.title}
                    </Link>
                    <span className="muted small">
                      {row.persona?.name ?? 'Unknown persona'} · {row.site ?? 'no site'}
                    </span>
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.stage}
                      className={cell.touchpoints ? `heat-cell severity-${cell.worst}` : 'heat-cell heat-empty'}
                    >
                      {cell.touchpoints ? (
                        <Link to={{ page: 'journey', journeyId: row.journey.id, tab: 'timeline', stage: cell.stage }}>
                          {/* A list of links read out of the table still says whose cell it is. */}
                          <span className="visually-hidden">
                            {row.journey.title}, {cell.stage}:{' '}
                          </span>
                          {cellLines(cell).map((line, index) => (
                            <span key={index} className="heat-line">
                              {/* Read (and copied) as one sentence; seen as lines. */}
                              {index > 0 && <span className="visually-hidden"> · </span>}
                              {line}
                            </span>
                          ))}
                        </Link>
                      ) : (
                        <span className="muted">No touchpoints</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
