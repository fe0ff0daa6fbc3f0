import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { renderRedacted } from '@/lib/annotate/redact';
import { AnnotationSaveQueue } from '@/lib/annotate/save-queue';
import type { Annotation } from '@/lib/model';
import { errorText } from '../ui/errors';

/** Shared by every editor of the panel, so a closed and reopened editor waits its turn. */
const saves = new AnnotationSaveQueue(renderRedacted);

/** Saves the editor's annotations through the shared queue, and tells how saving goes. */
export function useAnnotationSaver(touchpointId: string, onError: (message: string) => void) {
  const report = useRef(onError);
  useEffect(() => {
    report.current = onError;
  }, [onError]);
  const state = useSyncExternalStore(saves.subscribe, () => saves.stateOf(touchpointId));
  const fail = useCallback(
    (error: unknown) => report.current(`Could not save the annotations: ${errorText(error)}`),
    [],
  );
  const save = useCallback(
    (annotations: Annotation[]) => saves.save(touchpointId, annotations, fail),
    [touchpointId, fail],
  );
  const retry = useCallback(() => saves.retry(touchpointId, fail), [touchpointId, fail]);
  return { save, retry, state };
}
