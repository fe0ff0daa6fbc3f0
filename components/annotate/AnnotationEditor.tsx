import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { moveAnnotation, resizeAnnotation } from '@/lib/annotate/geometry';
import { amend, canRedo, canUndo, commit, redo, startHistory, undo, type History } from '@/lib/annotate/history';
import { db } from '@/lib/db';
import type { Annotation, Touchpoint } from '@/lib/model';
import { useObjectUrl } from '../ui/hooks';
import { AnnotationCanvas } from './AnnotationCanvas';
import { AnnotationList } from './AnnotationList';
import { AnnotationToolbar } from './AnnotationToolbar';
import { drawWith, TOOLS, type ToolId } from './tools';
import { useAnnotationSaver } from './useAnnotationSaver';
import './annotate.css';

interface Props {
  touchpoint: Touchpoint;
  onClose: () => void;
  onError: (message: string) => void;
}

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
  const { save, state } = useAnnotationSaver(touchpoint.id, onError);
  const annotations = history.present;
  const selected = annotations.find((a) => a.id === selectedId);

  const apply = (next: History<Annotation[]>) => {
    if (next === history) return;
    setHistory(next);
    save(next.present);
  };
  const change = (next: Annotation[], amendKey?: string) => {
    const same = amendKey !== undefined && amendKey === lastAmended.current;
    lastAmended.current = amendKey;
    apply(same ? amend(history, next) : commit(history, next));
  };
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
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, textarea, select');
    const modifier = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (modifier && key === 'z' && !typing) apply(event.shiftKey ? redo(history) : undo(history));
    else if (modifier && key === 'y' && !typing) apply(redo(history));
    else if (modifier || (event.altKey && !(event.key in ARROWS))) handled = false;
    else if (event.key === 'Escape') {
      if (selectedId) setSelectedId(undefined);
      else onClose();
    } else if (typing) handled = false;
    else if (event.key in ARROWS && selected) {
      const [dx, dy] = ARROWS[event.key]!.map((d) => d * (event.shiftKey ? BIG_STEP : STEP)) as [number, number];
      replace(event.altKey ? resizeAnnotation(selected, dx, dy) : moveAnnotation(selected, dx, dy));
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected) remove(selected.id);
    else if ((event.key === 'Enter' || event.key === ' ') && target.dataset.testid === 'annotation-canvas') {
      if (tool === 'select') handled = false;
      else add(drawWith(tool, { x: 0.4, y: 0.4 }, { x: 0.4, y: 0.4 }, annotations));
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
        resize); Delete removes it. Redactions are burned into the image every view and export shows.
      </p>
      <p className="muted small save-state" role="status">
        {state === 'saving' ? 'Saving…' : state === 'failed' ? 'Not saved' : 'Saved'}
      </p>
      <AnnotationList
        annotations={annotations}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onChange={replace}
        onRemove={remove}
      />
    </section>
  );
}
