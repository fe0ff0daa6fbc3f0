import { useLiveQuery } from 'dexie-react-hooks';
import { Pause, Play, Square } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import {
  addOffsiteTouchpoint,
  deleteTouchpoint,
  endJourney,
  keepDrafts,
  listTouchpoints,
  pauseJourney,
  restoreTouchpoint,
  resumeJourney,
} from '@/lib/db';
import type { Journey, Persona, Study } from '@/lib/model';
import { TouchpointCard } from '../touchpoint/TouchpointCard';
import type { ToastMessage } from '../ui/Toast';
import { CaptureBar } from './CaptureBar';
import { CaptureTargetNote } from './CaptureTargetNote';
import { DraftsBar } from './DraftsBar';
import { ExportButton } from './ExportButton';
import { PendingSignals } from './PendingSignals';
import { errorText } from '../ui/errors';
import { WalkHeader } from './WalkHeader';

interface Props {
  journey: Journey;
  /** Read with the journey (undefined when it is gone). */
  study: Study | undefined;
  persona: Persona | undefined;
  onEnded: (journeyId: string) => void;
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** The walk in progress: persona, capture controls, and the touchpoints newest first. */
export function WalkView({ journey, study, persona, onEnded, onError, onToast }: Props) {
  const touchpoints = useLiveQuery(() => listTouchpoints(journey.id).then((list) => list.reverse()), [journey.id]);
  // The open card: the newest until the first effect below picks one explicitly; null: none.
  const [chosenId, setExpandedId] = useState<string | null | undefined>(undefined);
  const newestId = touchpoints?.[0]?.id;
  const expandedId = chosenId === undefined ? newestId : chosenId;
  const drafts = touchpoints?.filter((t) => t.draft) ?? [];
  const paused = journey.status === 'paused';
  const lastSeenNewest = useRef<string | undefined>(undefined);
  const listRef = useRef<HTMLOListElement>(null);
  // The title field Touchtrail focused for the researcher, until they start working in it.
  const autoFocused = useRef<Element | null>(null);

  // A new touchpoint opens its form at once, ready to annotate, unless the researcher is working
  // in another card of the panel: that card stays open and the new one is listed above it.
  useEffect(() => {
    if (!newestId || newestId === lastSeenNewest.current) return;
    const first = lastSeenNewest.current === undefined;
    lastSeenNewest.current = newestId;
    if (first) {
      setExpandedId((current) => (current === undefined ? newestId : current));
      return;
    }
    const active = document.activeElement;
    const working =
      document.hasFocus() && active !== autoFocused.current && active?.closest('[data-testid="touchpoint"]');
    if (working) return;
    setExpandedId(newestId);
    requestAnimationFrame(() => {
      // Frames can come late: if focus moved meanwhile, or a newer card came, leave focus be.
      if (document.activeElement !== active || lastSeenNewest.current !== newestId) return;
      const title = listRef.current?.querySelector<HTMLElement>(`[data-touchpoint-id="${newestId}"] [data-autofocus]`);
      title?.focus();
      autoFocused.current = title ?? null;
    });
  }, [newestId]);

  const addOffsite = async () => {
    try {
      const point = await addOffsiteTouchpoint(journey.id);
      setExpandedId(point.id);
    } catch (error) {
      onError(errorText(error));
    }
  };

  const remove = async (id: string) => {
    try {
      const deleted = await deleteTouchpoint(id);
      onToast({
        focus: true,
        text: `${deleted.touchpoint.draft ? 'Draft' : 'Touchpoint'} ${deleted.touchpoint.seq} ${deleted.touchpoint.draft ? 'discarded' : 'deleted'}`,
        undo: () => void restoreTouchpoint(deleted).catch((error: unknown) => onError(errorText(error))),
      });
    } catch (error) {
      onError(errorText(error));
    }
  };

  const end = async () => {
    try {
      await endJourney(journey.id);
      onEnded(journey.id);
    } catch (error) {
      onError(errorText(error));
    }
  };

  return (
    <div className="walk">
      <WalkHeader journey={journey} study={study} persona={persona} />

      <CaptureTargetNote />
      <CaptureBar journey={journey} onAddOffsite={() => void addOffsite()} onError={onError} onToast={onToast} />

      <PendingSignals journey={journey} onError={onError} />
      <DraftsBar drafts={drafts} onError={onError} onToast={onToast} />

      <section className="touchpoints" aria-label="Touchpoints">
        {touchpoints && touchpoints.length === 0 && (
          <p className="empty">
            No touchpoints yet. Go to the page where the persona’s journey begins and press “Capture touchpoint”.
          </p>
        )}
        <ol
          ref={listRef}
          className="touchpoint-list"
          onKeyDownCapture={() => (autoFocused.current = null)}
          onPointerDownCapture={() => (autoFocused.current = null)}
        >
          {touchpoints?.map((point) => (
            <TouchpointCard
              key={point.id}
              touchpoint={point}
              stages={study?.stages ?? []}
              expanded={expandedId === point.id}
              onToggle={() => setExpandedId(expandedId === point.id ? null : point.id)}
              onDelete={() => void remove(point.id)}
              onKeep={() => void keepDrafts([point.id]).catch((error: unknown) => onError(errorText(error)))}
              onError={onError}
            />
          ))}
        </ol>
      </section>

      <footer className="walk-footer">
        {paused ? (
          <button
            type="button"
            onClick={() => void resumeJourney(journey.id).catch((e: unknown) => onError(errorText(e)))}
          >
            <Play size={16} aria-hidden /> Resume
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void pauseJourney(journey.id).catch((e: unknown) => onError(errorText(e)))}
          >
            <Pause size={16} aria-hidden /> Pause
          </button>
        )}
        <ExportButton scope={{ journeyId: journey.id }} label="Export journey" onError={onError} />
        <button type="button" className="danger" onClick={() => void end()}>
          <Square size={16} aria-hidden /> End journey
        </button>
      </footer>
    </div>
  );
}
