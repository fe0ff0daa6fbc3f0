import { useCallback, useEffect, useRef, useState } from 'react';
import { renderRedacted } from '@/lib/annotate/redact';
import { saveAnnotations } from '@/lib/db';
import type { Annotation } from '@/lib/model';
import { errorText } from '../ui/errors';

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * Saves the editor's annotations one save at a time, always the latest: edits made while a
 * redaction is being redrawn are not lost and never land out of order.
 */
export function useAnnotationSaver(touchpointId: string, onError: (message: string) => void) {
  const [state, setState] = useState<SaveState>('saved');
  const queued = useRef<Annotation[] | undefined>(undefined);
  const running = useRef(false);
  const report = useRef(onError);
  useEffect(() => {
    report.current = onError;
  }, [onError]);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState('saving');
    let failed = false;
    while (queued.current) {
      const next = queued.current;
      queued.current = undefined;
      try {
        await saveAnnotations(touchpointId, next, renderRedacted);
        failed = false;
      } catch (error) {
        failed = true;
        report.current(`Could not save the annotations: ${errorText(error)}`);
      }
    }
    running.current = false;
    setState(failed ? 'failed' : 'saved');
  }, [touchpointId]);

  const save = useCallback(
    (annotations: Annotation[]) => {
      queued.current = annotations;
      void run();
    },
    [run],
  );
  return { save, state };
}
