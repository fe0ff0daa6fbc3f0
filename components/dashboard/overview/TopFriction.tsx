import { label } from '@/lib/model';
import type { FrictionGroup } from '@/lib/metrics/overview';
import { ScreenshotThumb } from '../../ui/ScreenshotThumb';
import { Link } from '../Link';

/** Thumbnails shown per kind of friction; the rest are counted. */
const SHOWN = 4;

/** " · Purchase · Slow · 3 of 4 journeys", read after the severity ("Major"). */
function whereAndHowOften(group: FrictionGroup, journeys: number): string {
  const category = group.category ? label(group.category) : 'No category';
  return ` · ${group.stage} · ${category} · ${group.journeys} of ${journeys} ${journeys === 1 ? 'journey' : 'journeys'}`;
}

/** The friction met most and worst across the journeys shown, each kind with its touchpoints. */
export function TopFriction({ groups, journeys }: { groups: FrictionGroup[]; journeys: number }) {
  return (
    <section className="card-section overview-friction" aria-labelledby="top-friction-heading">
      <h2 id="top-friction-heading">Top friction</h2>
      {groups.length === 0 ? (
        <p className="empty">No friction in these journeys.</p>
      ) : (
        <ol className="top-friction">
          {groups.map((group) => (
            <li key={`${group.stage}\u0000${group.category}`}>
              <p className="top-friction-heading">
                <span className={`severity-chip severity-${group.worst}`}>{label(group.worst)}</span>
                {whereAndHowOften(group, journeys)}
              </p>
              <ul className="top-friction-points">
                {group.touchpoints.slice(0, SHOWN).map(({ touchpoint, journey }) => (
                  <li key={touchpoint.id}>
                    <Link to={{ page: 'journey', journeyId: journey.id, tab: 'timeline', stage: touchpoint.stage }}>
                      {/* The link says what it is; the picture is there to be recognised. */}
                      <span aria-hidden="true">
                        <ScreenshotThumb
                          screenshotId={touchpoint.screenshotId}
                          title={touchpoint.title}
                          annotations={touchpoint.annotations}
                        />
                      </span>
                      <span>
                        {touchpoint.title || 'Untitled'}
                        <span className="muted small"> · {journey.title}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              {group.touchpoints.length > SHOWN && (
                <p className="muted small">+ {group.touchpoints.length - SHOWN} more</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
