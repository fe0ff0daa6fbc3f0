import { AlertTriangle, Check, X } from 'lucide-react';
import { resolveSignal } from '@/lib/db';
import { label, type Signal } from '@/lib/model';
import { errorText } from '../ui/errors';

/** Friction the page agent detected at this touchpoint, for the researcher to accept or dismiss. */
export function SignalSuggestions(props: {
  touchpointId: string;
  signals: Signal[];
  onError: (message: string) => void;
}) {
  const shown = props.signals.filter((s) => s.status !== 'dismissed');
  if (shown.length === 0) return null;
  const resolve = (signal: Signal, status: 'accepted' | 'dismissed') =>
    resolveSignal(props.touchpointId, signal.id, status).catch((error: unknown) => props.onError(errorText(error)));
  return (
    <ul className="signals wide" aria-label="Detected friction">
      {shown.map((signal) => (
        <li key={signal.id} className={`signal signal-${signal.status}`}>
          <AlertTriangle size={14} aria-hidden />
          <span>
            <strong>{label(signal.kind)}</strong> · {signal.detail}
          </span>
          {signal.status === 'suggested' ? (
            <span className="signal-actions">
              <button type="button" className="small-button" onClick={() => void resolve(signal, 'accepted')}>
                <Check size={14} aria-hidden /> Accept as friction
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Dismiss ${label(signal.kind)}`}
                onClick={() => void resolve(signal, 'dismissed')}
              >
                <X size={14} aria-hidden />
              </button>
            </span>
          ) : (
            <span className="muted small">Accepted</span>
          )}
        </li>
      ))}
    </ul>
  );
}
