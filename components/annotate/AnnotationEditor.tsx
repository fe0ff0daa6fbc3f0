import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { moveAnnotation, resizeAnnotation } from '@/lib/annotate/geometry';
import { amend, canRedo, canUndo, commit, redo, startHistory, undo, type History } from '@/lib/annotate/history';
import { db } from '@/lib/db';
import type { Annotation, Touchpoint } from '@/lib/model';
import { useObjectUrl } from '../ui/hooks';
import { AnnotationCanvas, type CanvasHandle } from './AnnotationCanvas';
import { AnnotationList } from './AnnotationList';
import { AnnotationToolbar } from './AnnotationToolbar';
import { drawWith, TOOLS, type ToolId } from './tools';
import { useAnnotationSaver } from './useAnnotationSaver';

interface Props {
  touchpoint: Touchpoint;
  onClose: () => void;
  onError: (message: string) => void;
}

/** One keyboard step: 1 % of the screenshot's width, the same distance across and down. */
const STEP = 0.01;
const BIG_STEP = 0.05;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Draws boxes, arrows, numbered markers, labels and redactions on a touchpoint's screenshot.
 * Every change saves itself; redactions are burned into the stored image as they change.
 */
export function AnnotationEditor({ touchpoint, onClose, onError }: Props) {
  const hintId = useId();
  // undefined while loading, null when there is none.
  const shot = useLiveQuery(
    async () => (await db.screenshots.get(touchpoint.screenshotId ?? '')) ?? null,
    [touchpoint.screenshotId],
  );
  const imageUrl = useObjectUrl(shot ? (shot.unredacted?.image ?? shot.image) : undefined);
  const [history, setHistory] = useState<History<Annotation[]>>(() => startHistory(touchpoint.annotations));
  const [tool, setTool] = useState<ToolId>('select');
  const [selectedId, setSelectedId] = useState<string>();
  const lastAmended = useRef<string | undefined>(undefined);
  const canvas = useRef<CanvasHandle>(null);
  const { save, retry, state } = useAnnotationSaver(touchpoint.id, onError);
  const annotations = history.present;
  const selected = annotations.find((a) => a.id === selectedId);
  const aspect = shot ? shot.width / shot.height : 1.6;

  // Opening the editor puts the keyboard on the drawing area, where the tool keys work.
  const ready = Boolean(shot && imageUrl);
  useEffect(() => {
    if (ready) canvas.current?.focus();
  }, [ready]);

  const apply = (next: History<Annotation[]>, amendKey?: string) => {
    lastAmended.current = amendKey;
    if (next === history) return;
    setHistory(next);
    save(next.present);
  };
  const change = (next: Annotation[], amendKey?: string) =>
    apply(
      amendKey !== undefined && amendKey === lastAmended.current ? amend(history, next) : commit(history, next),
      amendKey,
    );
  const replace = (annotation: Annotation, amendKey?: string) =>
    change(
      annotations.map((a) => (a.id === annotation.id ? annotation : a)),
      amendKey,
    );
  const add = (annotation: Annotation) => {
    change([...annotations, annotation]);
    setSelectedId(annotation.id);
  };
  const remove = (id: string) => {
    change(annotations.filter((a) => a.id !== id));
    if (id === selectedId) setSelectedId(undefined);
    canvas.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const typing = target.matches('input, textarea, select');
    const modifier = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const onCanvas = target.dataset.testid === 'annotation-canvas';
    let handled = true;
    if (typing) {
      // Esc leaves a field for the drawing area; every other key belongs to the field.
      if (event.key === 'Escape') canvas.current?.focus();
      else handled = false;
    } else if (modifier && key === 'z' && !event.shiftKey && canUndo(history)) apply(undo(history));
    else if (modifier && (key === 'y' || (key === 'z' && event.shiftKey)) && canRedo(history)) apply(redo(history));
    else if (modifier || (event.altKey && !(event.key in ARROWS))) handled = false;
    else if (event.key === 'Escape') {
      if (selectedId) setSelectedId(undefined);
      else onClose();
    } else if (event.key in ARROWS && selected) {
      const [x, y] = ARROWS[event.key]!;
      const step = event.shiftKey ? BIG_STEP : STEP;
      const [dx, dy] = [x * step, y * step * aspect];
      replace(event.altKey ? resizeAnnotation(selected, dx, dy) : moveAnnotation(selected, dx, dy));
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected) remove(selected.id);
    else if ((event.key === 'Enter' || event.key === ' ') && onCanvas && tool !== 'select') {
      const at = canvas.current?.visibleCentre() ?? { x: 0.4, y: 0.4 };
      add(drawWith(tool, at, at, annotations, aspect));
    } else {
      const picked = TOOLS.find((t) => t.shortcut.toLowerCase() === key);
      if (picked && !event.shiftKey) setTool(picked.id);
      else handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  if (!touchpoint.screenshotId) return null;
  return (
    <section
      className="annotation-editor"
      aria-label={`Annotate screenshot of touchpoint ${touchpoint.seq}`}
      onKeyDown={onKeyDown}
    >
      <AnnotationToolbar
        tool={tool}
        onTool={setTool}
        canUndo={canUndo(history)}
        canRedo={canRedo(history)}
        onUndo={() => apply(undo(history))}
        onRedo={() => apply(redo(history))}
        onDone={onClose}
      />
      {shot && imageUrl ? (
        <AnnotationCanvas
          ref={canvas}
          annotations={annotations}
          selectedId={selectedId}
          tool={tool}
          width={shot.width}
          height={shot.height}
          imageUrl={imageUrl}
          hintId={hintId}
          onCreate={add}
          onChange={(a) => replace(a)}
          onSelect={setSelectedId}
        />
      ) : (
        <p className="muted">{shot === null ? 'This touchpoint has no screenshot.' : 'Loading the screenshot…'}</p>
      )}
      <p id={hintId} className="muted small">
        Pick a tool, then drag on the screenshot or press Enter on it. Arrows move the selection (Shift: further, Alt:
        resize); Delete removes it; Esc closes. Redactions are burned into the image every view and export shows.
      </p>
      <p className="muted small save-state" role="status">
        {state === 'saving' ? 'Saving…' : state === 'failed' ? 'Not saved.' : 'Saved'}
        {state === 'failed' && (
          <button type="button" className="link-button" onClick={retry}>
            Try again
          </button>
        )}
      </p>
      <AnnotationList
        annotations={annotations}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onChange={replace}
        onEndEdit={() => (lastAmended.current = undefined)}
        onRemove={remove}
      />
    </section>
  );
}
