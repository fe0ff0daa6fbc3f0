import { AlertTriangle, X } from 'lucide-react';
import { dismissPendingSignal } from '@/lib/db';
import { label, type Journey } from '@/lib/model';
import { errorText } from '../ui/errors';

/** Friction detected on a page no touchpoint was recorded on yet: the next touchpoint takes it. */
export function PendingSignals({ journey, onError }: { journey: Journey; onError: (message: string) => void }) {
  if (journey.pendingSignals.length === 0) return null;
  return (
    <section className="pending-signals" aria-labelledby="pending-signals-title">
      <h2 id="pending-signals-title">Detected on the page</h2>
      <p className="muted small">Capture a touchpoint to attach these to it, or dismiss them.</p>
      <ul className="signals">
        {journey.pendingSignals.map((signal) => (
          <li key={signal.id} className="signal">
            <AlertTriangle size={14} aria-hidden />
            <span>
              <strong>{label(signal.kind)}</strong> · {signal.detail}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Dismiss ${label(signal.kind)}`}
              onClick={() =>
                void dismissPendingSignal(journey.id, signal.id).catch((error: unknown) => onError(errorText(error)))
              }
            >
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
