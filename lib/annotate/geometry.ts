// Pure geometry of annotations. Positions are fractions (0–1) of the screenshot, so an
// annotation stays on its spot whatever size the screenshot is shown at.

import type { Annotation } from '../model';

export type Point = { x: number; y: number };
export type Area = { x: number; y: number; width: number; height: number };
export type AnnotationKind = Annotation['kind'];
export type Redaction = Extract<Annotation, { kind: 'redaction' }>;

/** The size a shape gets when it is added without dragging (from the keyboard or by a click). */
export const DEFAULT_SIZE = 0.2;
/** Drags shorter than this (as a fraction) count as a click. */
export const MIN_DRAG = 0.01;

export const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The area spanned by two corners, in any order, kept inside the screenshot. */
export function areaBetween(a: Point, b: Point): Area {
  const x = clamp01(Math.min(a.x, b.x));
  const y = clamp01(Math.min(a.y, b.y));
  return { x, y, width: clamp01(Math.max(a.x, b.x)) - x, height: clamp01(Math.max(a.y, b.y)) - y };
}

/**
 * A new annotation of a kind, drawn from one point to another (the same point for a click).
 * `aspect` is the screenshot's width over its height, so that a shape added without dragging
 * has the same shape on a tall full-page capture as on a viewport one.
 */
export function createAnnotation(
  kind: AnnotationKind,
  from: Point,
  to: Point,
  existing: Annotation[],
  text = 'Note',
  aspect = 1.6,
): Annotation {
  const id = crypto.randomUUID();
  const dragged = Math.hypot(to.x - from.x, to.y - from.y) >= MIN_DRAG;
  const end = dragged ? to : { x: from.x + DEFAULT_SIZE, y: from.y + (DEFAULT_SIZE / 2) * aspect };
  const at = { x: clamp01(from.x), y: clamp01(from.y) };
  switch (kind) {
    case 'box':
      return { kind, id, area: areaBetween(from, end) };
    case 'redaction':
      return { kind, id, area: areaBetween(from, end), style: 'solid' };
    case 'arrow':
      return { kind, id, from: at, to: { x: clamp01(end.x), y: clamp01(end.y) } };
    case 'marker':
      return { kind, id, at, number: nextMarkerNumber(existing) };
    case 'text':
      return { kind, id, at, text };
  }
}

/** Markers are numbered in the order they were placed: the next one follows the highest. */
export function nextMarkerNumber(annotations: Annotation[]): number {
  return annotations.reduce((max, a) => (a.kind === 'marker' ? Math.max(max, a.number) : max), 0) + 1;
}

/** Moves an annotation by a distance, stopping at the edges of the screenshot. */
export function moveAnnotation(annotation: Annotation, dx: number, dy: number): Annotation {
  switch (annotation.kind) {
    case 'box':
    case 'redaction':
      return { ...annotation, area: moveArea(annotation.area, dx, dy) };
    case 'arrow': {
      const [sx, sy] = shiftWithin([annotation.from, annotation.to], dx, dy);
      return {
        ...annotation,
        from: { x: annotation.from.x + sx, y: annotation.from.y + sy },
        to: { x: annotation.to.x + sx, y: annotation.to.y + sy },
      };
    }
    case 'marker':
    case 'text':
      return { ...annotation, at: { x: clamp01(annotation.at.x + dx), y: clamp01(annotation.at.y + dy) } };
  }
}

/** Grows or shrinks an area (or moves an arrow's head); points and labels have no size. */
export function resizeAnnotation(annotation: Annotation, dw: number, dh: number): Annotation {
  switch (annotation.kind) {
    case 'box':
    case 'redaction': {
      const { x, y, width, height } = annotation.area;
      return {
        ...annotation,
        area: { x, y, width: clamp(width + dw, 0, 1 - x), height: clamp(height + dh, 0, 1 - y) },
      };
    }
    case 'arrow':
      return { ...annotation, to: { x: clamp01(annotation.to.x + dw), y: clamp01(annotation.to.y + dh) } };
    default:
      return annotation;
  }
}

/** The pixel rectangle an area covers, rounded outwards so a redaction never leaves a sliver. */
export function areaToPixels(area: Area, width: number, height: number) {
  const left = Math.max(0, Math.floor(area.x * width));
  const top = Math.max(0, Math.floor(area.y * height));
  const right = Math.min(width, Math.ceil((area.x + area.width) * width));
  const bottom = Math.min(height, Math.ceil((area.y + area.height) * height));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

export function redactionsOf(annotations: Annotation[]): Redaction[] {
  return annotations.filter((a): a is Redaction => a.kind === 'redaction');
}

/** Whether two annotation lists burn the same redactions into the image. */
export function sameRedactions(a: Annotation[], b: Annotation[]): boolean {
  const key = (list: Annotation[]) =>
    JSON.stringify(redactionsOf(list).map(({ area, style }) => [area.x, area.y, area.width, area.height, style]));
  return key(a) === key(b);
}

/** A short description of an annotation, for its entry in the list and for screen readers. */
export function describeAnnotation(annotation: Annotation): string {
  switch (annotation.kind) {
    case 'box':
      return 'Box';
    case 'arrow':
      return 'Arrow';
    case 'marker':
      return `Marker ${annotation.number}`;
    case 'text':
      return `Label “${annotation.text}”`;
    case 'redaction':
      return annotation.style === 'blur' ? 'Redaction (blur)' : 'Redaction (solid)';
  }
}

function moveArea(area: Area, dx: number, dy: number): Area {
  return {
    ...area,
    x: clamp(area.x + dx, 0, 1 - area.width),
    y: clamp(area.y + dy, 0, 1 - area.height),
  };
}

/** The largest part of (dx, dy) that keeps every point inside the screenshot. */
function shiftWithin(points: Point[], dx: number, dy: number): [number, number] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return [clamp(dx, -Math.min(...xs), 1 - Math.max(...xs)), clamp(dy, -Math.min(...ys), 1 - Math.max(...ys))];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
