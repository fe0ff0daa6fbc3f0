import { RotateCcw } from 'lucide-react';
import type { CaptureStatus } from '@/lib/extension-storage/items';

type Failure = NonNullable<CaptureStatus['lastError']>;

interface Props {
  failure: Failure;
  paused: boolean;
  onTryAgain: (retry: NonNullable<Failure['retry']>) => void;
  onDismiss: () => void;
}

/** Why the last capture failed, announced at once, with "Try again" for the same request. */
export function CaptureFailure({ failure, paused, onTryAgain, onDismiss }: Props) {
  const { retry } = failure;
  return (
    // A new failure is a new element, so a message repeated word for word is announced again.
    <div key={failure.at} className="error capture-failure" role="alert">
      <span>{failure.message}</span>
      <span className="actions">
        {retry && (
          <button
            type="button"
            onClick={() => onTryAgain(retry)}
            disabled={paused}
            title={paused ? 'Resume the journey to try again' : 'Make the same request again'}
          >
            <RotateCcw size={14} aria-hidden /> Try again
          </button>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
