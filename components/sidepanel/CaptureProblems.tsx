import { useMemo } from 'react';
import {
  captureProblemsItem,
  clearCaptureProblems,
  kindLabel,
  parseProblems,
  problemsAsText,
  restoreCaptureProblems,
} from '@/lib/capture/problems';
import { errorText } from '../ui/errors';
import { useStorageItem } from '../ui/hooks';
import type { ToastMessage } from '../ui/Toast';

interface Props {
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** "Recent capture problems": what failed, where and when, to copy into a report or clear. */
export function CaptureProblems({ onError, onToast }: Props) {
  const stored = useStorageItem(captureProblemsItem);
  const problems = useMemo(() => parseProblems(stored), [stored]);
  if (problems.length === 0) return null;
  const count = `${problems.length} capture problem${problems.length === 1 ? '' : 's'}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(problemsAsText(problems));
      onToast({ text: `Copied ${count}` });
    } catch (error) {
      onError(`The problems could not be copied: ${errorText(error)}`);
    }
  };

  const clear = async () => {
    try {
      const cleared = await clearCaptureProblems();
      onToast({
        focus: true,
        text: `Cleared ${count}`,
        undo: () => void restoreCaptureProblems(cleared).catch((error: unknown) => onError(errorText(error))),
      });
    } catch (error) {
      onError(errorText(error));
    }
  };

  return (
    <details className="capture-problems">
      <summary>Recent capture problems ({problems.length})</summary>
      <div className="row">
        <button type="button" aria-label="Copy capture problems" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" aria-label="Clear capture problems" onClick={() => void clear()}>
          Clear
        </button>
      </div>
      <ol aria-label="Capture problems, newest first">
        {problems.map((problem) => (
          <li key={problem.id} data-testid="capture-problem">
            <div className="problem-meta">
              <time dateTime={new Date(problem.at).toISOString()}>{new Date(problem.at).toLocaleString()}</time>
              {' · '}
              {kindLabel(problem.kind)}
            </div>
            <div className="problem-address">{problem.url ?? 'Address not known'}</div>
            <div>{problem.message}</div>
          </li>
        ))}
      </ol>
    </details>
  );
}
