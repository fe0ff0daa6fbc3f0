import { Timer, User } from 'lucide-react';
import { journeyDurationMs } from '@/lib/db';
import type { Journey, Persona, Study } from '@/lib/model';
import { useNow } from '../ui/hooks';
import { OpenDashboardButton } from './OpenDashboardButton';

/** Who the researcher plays and what for, always in view during the walk (stay in character). */
export function WalkHeader({
  journey,
  study,
  persona,
}: {
  journey: Journey;
  study: Study | undefined;
  persona: Persona | undefined;
}) {
  return (
    <header className="walk-header">
      <div className="study-line">
        <span className="study-name">{study?.name}</span>
        <OpenDashboardButton to={{ page: 'journey', journeyId: journey.id, tab: 'timeline' }} label="Dashboard" />
      </div>
      {persona && (
        <details className="persona-strip">
          <summary>
            <User size={14} aria-hidden /> <strong>{persona.name}</strong>
            {persona.summary && <span className="muted"> · {persona.summary}</span>}
          </summary>
          {persona.goals.length > 0 && <p>Goals: {persona.goals.join('; ')}</p>}
          {persona.frustrations.length > 0 && <p>Frustrations: {persona.frustrations.join('; ')}</p>}
        </details>
      )}
      <div className="scenario">
        <span>“{journey.scenario || journey.title}”</span>
        <Elapsed journey={journey} />
      </div>
    </header>
  );
}

function Elapsed({ journey }: { journey: Journey }) {
  const now = useNow();
  return (
    <span className="elapsed">
      <span className="visually-hidden">Time walking: </span>
      <Timer size={14} aria-hidden /> {formatDuration(journeyDurationMs(journey, now))}
    </span>
  );
}

export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(hours ? 2 : 1, '0');
  return `${hours ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}
