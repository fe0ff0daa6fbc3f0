import { useRef, useState, type PointerEvent } from 'react';
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

type Gesture =
  | { kind: 'draw'; tool: Exclude<ToolId, 'select'>; from: Point; to: Point }
  | { kind: 'move'; original: Annotation; from: Point; to: Point };

/** The screenshot with its annotations; drawing and moving with a pointer happen here. */
export function AnnotationCanvas(props: Props) {
  const { annotations, selectedId, tool, width, height, imageUrl, hintId } = props;
  const svg = useRef<SVGSVGElement>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);

  const pointAt = (event: PointerEvent): Point => {
    const box = svg.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
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
      if (hit) startGesture(event, { kind: 'move', original: hit, from: at, to: at });
    } else if (PLACES_A_POINT.has(tool)) {
      props.onCreate(drawWith(tool, at, at, annotations));
    } else {
      startGesture(event, { kind: 'draw', tool, from: at, to: at });
    }
  };

  const startGesture = (event: PointerEvent<SVGSVGElement>, next: Gesture) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setGesture(next);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (gesture) setGesture({ ...gesture, to: pointAt(event) });
  };

  const onPointerUp = () => {
    if (!gesture) return;
    setGesture(null);
    const result = finish(gesture, annotations);
    if (!result) return;
    if (gesture.kind === 'draw') props.onCreate(result);
    else props.onChange(result);
  };

  const inProgress = gesture && finish(gesture, annotations);
  const shown = !inProgress
    ? annotations
    : gesture.kind === 'draw'
      ? [...annotations, inProgress]
      : annotations.map((a) => (a.id === inProgress.id ? inProgress : a));

  return (
    <div className="annotation-canvas-scroll">
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
        onPointerCancel={() => setGesture(null)}
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
}

/** What a gesture makes when it ends here; nothing for a move that did not move. */
function finish(gesture: Gesture, annotations: Annotation[]): Annotation | undefined {
  if (gesture.kind === 'draw') return drawWith(gesture.tool, gesture.from, gesture.to, annotations);
  const dx = gesture.to.x - gesture.from.x;
  const dy = gesture.to.y - gesture.from.y;
  return dx === 0 && dy === 0 ? undefined : moveAnnotation(gesture.original, dx, dy);
}
