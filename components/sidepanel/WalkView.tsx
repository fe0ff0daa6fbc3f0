import { useLiveQuery } from 'dexie-react-hooks';
import { Camera, Mail, MousePointerClick, Pause, Play, Square, Timer, User } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  addOffsiteTouchpoint,
  db,
  deleteTouchpoint,
  discardDrafts,
  endJourney,
  keepDrafts,
  journeyDurationMs,
  listTouchpoints,
  pauseJourney,
  restoreTouchpoint,
  restoreTouchpoints,
  resumeJourney,
  setAutoRecord,
  setMasking,
} from '@/lib/db';
import { captureRequestReply, type PanelToBackground } from '@/lib/messaging/protocol';
import type { Journey } from '@/lib/model';
import { captureStatus } from '@/lib/walk/state';
import { TouchpointCard } from '../touchpoint/TouchpointCard';
import { toAriaShortcut, useCaptureShortcut, useNow, useOptimisticValue, useStorageItem } from '../ui/hooks';
import type { ToastMessage } from '../ui/Toast';
import { ExportButton } from './ExportButton';
import { PendingSignals } from './PendingSignals';
import { errorText } from './SetupSteps';

interface Props {
  journey: Journey;
  onEnded: (journeyId: string) => void;
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** The walk in progress: persona, capture controls, and the touchpoints newest first. */
export function WalkView({ journey: walk, onEnded, onError, onToast }: Props) {
  const study = useLiveQuery(() => db.studies.get(walk.studyId), [walk.studyId]);
  const persona = useLiveQuery(() => db.personas.get(walk.personaId), [walk.personaId]);
  const touchpoints = useLiveQuery(() => listTouchpoints(walk.id).then((list) => list.reverse()), [walk.id]);
  const status = useStorageItem(captureStatus);
  // undefined follows the newest touchpoint; null means every card is closed.
  const [chosenId, setExpandedId] = useState<string | null | undefined>(undefined);
  const newestId = touchpoints?.[0]?.id;
  const expandedId = chosenId === undefined ? newestId : chosenId;
  const [masking, setMaskingView] = useOptimisticValue(walk.masking);
  const [autoRecord, setAutoRecordView] = useOptimisticValue(walk.autoRecord);
  const drafts = touchpoints?.filter((t) => t.draft) ?? [];
  const lastSeenNewest = useRef<string | undefined>(undefined);
  const listRef = useRef<HTMLOListElement>(null);
  const shortcut = useCaptureShortcut();

  // A new touchpoint opens its form at once, ready to annotate, unless the researcher is working
  // in another card of the panel: that card stays open and the new one is listed above it.
  // The title field Touchtrail focused for the researcher, until they start working in it.
  const autoFocused = useRef<Element | null>(null);
  useEffect(() => {
    if (!newestId || newestId === lastSeenNewest.current) return;
    const first = lastSeenNewest.current === undefined;
    lastSeenNewest.current = newestId;
    if (first) return;
    const active = document.activeElement;
    const working =
      document.hasFocus() && active !== autoFocused.current && active?.closest('[data-testid="touchpoint"]');
    if (working) return;
    setExpandedId(undefined);
    requestAnimationFrame(() => {
      // Frames can come late: if focus moved meanwhile, it is the researcher's to keep.
      if (document.activeElement !== active) return;
      const title = listRef.current?.querySelector<HTMLElement>('[data-autofocus]');
      title?.focus();
      autoFocused.current = title ?? null;
    });
  }, [newestId]);

  const askBackground = async (type: PanelToBackground['type']) => {
    try {
      const current = await browser.windows.getCurrent();
      const message: PanelToBackground = {
        type,
        journeyId: walk.id,
        windowId: current.type === 'normal' ? current.id : undefined,
      };
      const reply = captureRequestReply.parse(await browser.runtime.sendMessage(message));
      if (!reply.ok) onError(reply.error);
    } catch (error) {
      onError(errorText(error));
    }
  };

  const addOffsite = async () => {
    try {
      const point = await addOffsiteTouchpoint(walk.id);
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

  const keepAll = (ids: string[]) => keepDrafts(ids).catch((error: unknown) => onError(errorText(error)));
  const discardAll = async (ids: string[]) => {
    try {
      const discarded = await discardDrafts(ids);
      onToast({
        focus: true,
        text: `${discarded.length} draft${discarded.length === 1 ? '' : 's'} discarded`,
        undo: () => void restoreTouchpoints(discarded).catch((error: unknown) => onError(errorText(error))),
      });
    } catch (error) {
      onError(errorText(error));
    }
  };

  const end = async () => {
    try {
      await endJourney(walk.id);
      onEnded(walk.id);
    } catch (error) {
      onError(errorText(error));
    }
  };

  const paused = walk.status === 'paused';
  return (
    <div className="walk">
      <header className="walk-header">
        <div className="study-name">{study?.name}</div>
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
          <span>“{walk.scenario || walk.title}”</span>
          <Elapsed journey={walk} />
        </div>
      </header>

      <section className="capture-bar" aria-label="Capture">
        {paused ? (
          <p className="paused-note">Paused: captures are off until you resume.</p>
        ) : (
          <button
            type="button"
            className="primary big"
            onClick={() => void askBackground('capture-touchpoint')}
            title={
              shortcut
                ? `Capture touchpoint (${shortcut})`
                : 'Capture touchpoint (no shortcut set: see chrome://extensions/shortcuts)'
            }
            aria-keyshortcuts={shortcut ? toAriaShortcut(shortcut) : undefined}
          >
            <Camera size={18} aria-hidden /> Capture touchpoint {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
          </button>
        )}
        <div className="row">
          <button
            type="button"
            onClick={() => void askBackground('pick-element')}
            disabled={paused}
            title="Pick an element on the page to record (Alt+Shift+P, or right-click › Record touchpoint here)"
          >
            <MousePointerClick size={16} aria-hidden /> Pick element
          </button>
          <button type="button" onClick={() => void addOffsite()} disabled={paused}>
            <Mail size={16} aria-hidden /> Add off-site touchpoint
          </button>
        </div>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={masking}
            onChange={(e) => {
              setMaskingView(e.target.checked);
              setMasking(walk.id, e.target.checked).catch((error: unknown) => onError(errorText(error)));
            }}
          />
          Mask form fields in screenshots
        </label>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={autoRecord}
            onChange={(e) => {
              setAutoRecordView(e.target.checked);
              setAutoRecord(walk.id, e.target.checked).catch((error: unknown) => onError(errorText(error)));
            }}
          />
          Auto-record clicks and pages as drafts
        </label>
        <p className="capture-status" role="status" aria-live="polite">
          {status && status.pending > 0 ? `Capturing… ${status.pending} in the queue` : ''}
        </p>
        {status?.lastError && (
          <div className="error" role="alert">
            <span>{status.lastError.message}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => void captureStatus.setValue({ pending: status.pending })}
            >
              Dismiss
            </button>
          </div>
        )}
      </section>

      <PendingSignals journey={walk} onError={onError} />
      {drafts.length > 0 && (
        <div className="drafts-bar" role="group" aria-label="Drafts">
          <span>
            {drafts.length} draft{drafts.length === 1 ? '' : 's'} from auto-record
          </span>
          <button type="button" className="small-button" onClick={() => void keepAll(drafts.map((d) => d.id))}>
            Keep all
          </button>
          <button type="button" className="small-button" onClick={() => void discardAll(drafts.map((d) => d.id))}>
            Discard all
          </button>
        </div>
      )}

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
              onFocusWithin={() => {
                if (expandedId === point.id) setExpandedId(point.id);
              }}
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
            onClick={() => void resumeJourney(walk.id).catch((e: unknown) => onError(errorText(e)))}
          >
            <Play size={16} aria-hidden /> Resume
          </button>
        ) : (
          <button type="button" onClick={() => void pauseJourney(walk.id).catch((e: unknown) => onError(errorText(e)))}>
            <Pause size={16} aria-hidden /> Pause
          </button>
        )}
        <ExportButton scope={{ journeyId: walk.id }} label="Export journey" onError={onError} />
        <button type="button" className="danger" onClick={() => void end()}>
          <Square size={16} aria-hidden /> End journey
        </button>
      </footer>
    </div>
  );
}

function Elapsed({ journey: walk }: { journey: Journey }) {
  const now = useNow();
  return (
    <span className="elapsed">
      <span className="visually-hidden">Time walking: </span>
      <Timer size={14} aria-hidden /> {formatDuration(journeyDurationMs(walk, now))}
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
