import { CircleDot, Droplet, EyeOff, MousePointer2, MoveUpRight, Square, Type } from 'lucide-react';
import { createAnnotation, type AnnotationKind, type Point } from '@/lib/annotate/geometry';
import type { Annotation } from '@/lib/model';

export type ToolId = 'select' | 'box' | 'arrow' | 'marker' | 'text' | 'blur' | 'solid';

export interface Tool {
  id: ToolId;
  label: string;
  /** The key that picks the tool while the editor has focus. */
  shortcut: string;
  icon: typeof Square;
}

export const TOOLS: Tool[] = [
  { id: 'select', label: 'Select and move', shortcut: 'V', icon: MousePointer2 },
  { id: 'box', label: 'Box', shortcut: 'B', icon: Square },
  { id: 'arrow', label: 'Arrow', shortcut: 'A', icon: MoveUpRight },
  { id: 'marker', label: 'Numbered marker', shortcut: 'M', icon: CircleDot },
  { id: 'text', label: 'Text label', shortcut: 'T', icon: Type },
  { id: 'blur', label: 'Redact (blur)', shortcut: 'R', icon: Droplet },
  { id: 'solid', label: 'Redact (solid)', shortcut: 'S', icon: EyeOff },
];

const KIND_OF_TOOL: Record<Exclude<ToolId, 'select'>, AnnotationKind> = {
  box: 'box',
  arrow: 'arrow',
  marker: 'marker',
  text: 'text',
  blur: 'redaction',
  solid: 'redaction',
};

/** Tools that place a point (a click) rather than span an area (a drag). */
export const PLACES_A_POINT = new Set<ToolId>(['marker', 'text']);

/** The annotation a drawing tool makes from one point to another. */
export function drawWith(
  tool: Exclude<ToolId, 'select'>,
  from: Point,
  to: Point,
  existing: Annotation[],
  aspect: number,
): Annotation {
  const made = createAnnotation(KIND_OF_TOOL[tool], from, to, existing, 'Note', aspect);
  return made.kind === 'redaction' ? { ...made, style: tool === 'blur' ? 'blur' : 'solid' } : made;
}
