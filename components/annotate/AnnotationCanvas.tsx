import { forwardRef, useImperativeHandle, useRef, useState, type PointerEvent } from 'react';
import { moveAnnotation, type Point } from '@/lib/annotate/geometry';
import type { Annotation } from '@/lib/model';
import { AnnotationShapes } from './AnnotationShapes';
import { drawWith, PLACES_A_POINT, type ToolId } from './tools';

interface Props {
  annotations: Annotation[];
  selectedId?: string;
  tool: ToolId;
  width: number;
  height: number;
  /** The capture without its redactions, previewed under them. */
  imageUrl: string;
  hintId: string;
  onCreate: (annotation: Annotation) => void;
  onChange: (annotation: Annotation) => void;
  onSelect: (id: string | undefined) => void;
}

export interface CanvasHandle {
  focus(): void;
  /** The middle of the part of the screenshot in view, where keyboard-added shapes go. */
  visibleCentre(): Point;
}

type Gesture =
  | { kind: 'draw'; tool: Exclude<ToolId, 'select'>; from: Point; to: Point }
  | { kind: 'move'; original: Annotation; from: Point; to: Point };

/** The screenshot with its annotations; drawing and moving with a pointer happen here. */
export const AnnotationCanvas = forwardRef<CanvasHandle, Props>(function AnnotationCanvas(props, handle) {
  const { annotations, selectedId, tool, width, height, imageUrl, hintId } = props;
  const svg = useRef<SVGSVGElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The gesture lives in a ref for the handlers (always current) and in state for drawing it.
  const gesture = useRef<Gesture | null>(null);
  const [shownGesture, setShownGesture] = useState<Gesture | null>(null);
  const aspect = width / height;

  useImperativeHandle(handle, () => ({
    focus: () => svg.current?.focus(),
    visibleCentre: () => {
      const box = scroller.current;
      if (!box || box.scrollHeight === 0) return { x: 0.4, y: 0.4 };
      return { x: 0.4, y: Math.min(0.9, (box.scrollTop + box.clientHeight / 2) / box.scrollHeight) };
    },
  }));

  const pointAt = (event: PointerEvent): Point => {
    const box = svg.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };
  const track = (next: Gesture | null) => {
    gesture.current = next;
    setShownGesture(next);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    svg.current?.focus();
    const at = pointAt(event);
    if (tool === 'select') {
      const id = (event.target as Element).closest('[data-annotation-id]')?.getAttribute('data-annotation-id');
      const hit = annotations.find((a) => a.id === id);
      props.onSelect(hit?.id);
      if (!hit) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      track({ kind: 'move', original: hit, from: at, to: at });
    } else if (PLACES_A_POINT.has(tool)) {
      props.onCreate(drawWith(tool, at, at, annotations, aspect));
    } else {
      event.currentTarget.setPointerCapture(event.pointerId);
      track({ kind: 'draw', tool, from: at, to: at });
    }
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (gesture.current) track({ ...gesture.current, to: pointAt(event) });
  };

  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const ended = gesture.current && { ...gesture.current, to: pointAt(event) };
    track(null);
    const result = ended && finish(ended, annotations, aspect);
    if (!ended || !result) return;
    if (ended.kind === 'draw') props.onCreate(result);
    else props.onChange(result);
  };

  const inProgress = shownGesture && finish(shownGesture, annotations, aspect);
  const shown = !inProgress
    ? annotations
    : shownGesture.kind === 'draw'
      ? [...annotations, inProgress]
      : annotations.map((a) => (a.id === inProgress.id ? inProgress : a));

  return (
    <div className="annotation-canvas-scroll" ref={scroller}>
      <svg
        ref={svg}
        className={`annotation-canvas tool-${tool}`}
        viewBox={`0 0 ${width} ${height}`}
        tabIndex={0}
        role="group"
        aria-label="Screenshot drawing area"
        aria-describedby={hintId}
        data-testid="annotation-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => track(null)}
      >
        <image href={imageUrl} width={width} height={height} preserveAspectRatio="none" />
        <AnnotationShapes
          annotations={shown}
          width={width}
          height={height}
          previewSource={imageUrl}
          selectedId={selectedId}
        />
      </svg>
    </div>
  );
});

/** What a gesture makes when it ends here; nothing for a move that did not move. */
function finish(gesture: Gesture, annotations: Annotation[], aspect: number): Annotation | undefined {
  if (gesture.kind === 'draw') return drawWith(gesture.tool, gesture.from, gesture.to, annotations, aspect);
  const dx = gesture.to.x - gesture.from.x;
  const dy = gesture.to.y - gesture.from.y;
  return dx === 0 && dy === 0 ? undefined : moveAnnotation(gesture.original, dx, dy);
}
