// The researcher's annotations drawn on a canvas, for readouts that embed flat images (PDF, deck).
// The same shapes and sizes as the SVG overlay (lib/export/annotations-svg.ts); redactions are
// skipped because they are in the exported pixels already.

import { areaToPixels } from '../../annotate/geometry';
import { ANNOTATION_COLOUR, annotationSizes } from '../../annotate/style';
import type { Annotation } from '../../model';

type Context = Pick<
  OffscreenCanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'arc'
  | 'roundRect'
  | 'fillText'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

export function drawAnnotations(context: Context, annotations: Annotation[], width: number, height: number): void {
  const sizes = annotationSizes(width);
  for (const a of annotations) {
    context.save();
    context.strokeStyle = ANNOTATION_COLOUR;
    context.fillStyle = ANNOTATION_COLOUR;
    context.lineWidth = sizes.stroke;
    context.lineCap = 'round';
    drawOne(context, a, width, height, sizes);
    context.restore();
  }
}

function drawOne(
  context: Context,
  a: Annotation,
  width: number,
  height: number,
  sizes: ReturnType<typeof annotationSizes>,
): void {
  switch (a.kind) {
    case 'box': {
      const box = areaToPixels(a.area, width, height);
      context.beginPath();
      context.roundRect(box.x, box.y, box.width, box.height, sizes.corner);
      context.stroke();
      return;
    }
    case 'arrow': {
      const [x1, y1, x2, y2] = [a.from.x * width, a.from.y * height, a.to.x * width, a.to.y * height];
      context.beginPath();
      context.moveTo(x1, y1);
      context.lineTo(x2, y2);
      context.stroke();
      arrowHead(context, x1, y1, x2, y2, sizes.stroke * 2.5);
      return;
    }
    case 'marker': {
      const [x, y, r] = [a.at.x * width, a.at.y * height, sizes.markerRadius];
      context.beginPath();
      context.arc(x, y, r, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = '#fff';
      context.font = `700 ${r * 1.2}px sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(String(a.number), x, y);
      return;
    }
    case 'text': {
      const size = sizes.labelFont;
      const [x, y] = [a.at.x * width, a.at.y * height];
      const box = sizes.labelBox(a.text, x);
      context.beginPath();
      context.roundRect(x, y, box.width, box.height, sizes.corner);
      context.fillStyle = '#fff';
      context.fill();
      context.lineWidth = 2;
      context.stroke();
      context.fillStyle = '#111';
      context.font = `${size}px sans-serif`;
      context.textAlign = 'left';
      context.textBaseline = 'middle';
      context.fillText(a.text, x + size / 2, y + size * 0.8);
      return;
    }
    case 'redaction':
      return;
  }
}

/** A filled triangle at (x2, y2) pointing along the line, as the SVG marker draws it. */
function arrowHead(context: Context, x1: number, y1: number, x2: number, y2: number, length: number): void {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const spread = Math.PI / 6;
  context.beginPath();
  context.moveTo(x2, y2);
  context.lineTo(x2 - length * Math.cos(angle - spread), y2 - length * Math.sin(angle - spread));
  context.lineTo(x2 - length * Math.cos(angle + spread), y2 - length * Math.sin(angle + spread));
  context.closePath();
  context.fill();
}
