// A screenshot's annotations as SVG markup, for exports that are not React (the HTML report).
// Same drawing as components/annotate/AnnotationShapes.tsx; redactions are in the pixels already.

import { areaToPixels } from '../annotate/geometry';
import type { Annotation } from '../model';
import { escapeMarkup } from './escape';
import { ANNOTATION_COLOUR, annotationSizes } from '../annotate/style';

const COLOUR = ANNOTATION_COLOUR;

export function annotationsSvg(annotations: Annotation[], width: number, height: number): string {
  const drawn = annotations.filter((a) => a.kind !== 'redaction');
  if (drawn.length === 0) return '';
  const sizes = annotationSizes(width);
  const shapes = drawn.map((a) => shape(a, width, height, sizes)).join('');
  return (
    `<svg class="annotations" viewBox="0 0 ${width} ${height}" aria-hidden="true">` +
    `<defs><marker id="head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${COLOUR}"/></marker></defs>${shapes}</svg>`
  );
}

function shape(a: Annotation, width: number, height: number, sizes: ReturnType<typeof annotationSizes>): string {
  const stroke = `stroke="${COLOUR}" stroke-width="${sizes.stroke}"`;
  switch (a.kind) {
    case 'box': {
      const box = areaToPixels(a.area, width, height);
      return `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${sizes.corner}" fill="none" ${stroke}/>`;
    }
    case 'arrow':
      return `<line x1="${a.from.x * width}" y1="${a.from.y * height}" x2="${a.to.x * width}" y2="${a.to.y * height}" ${stroke} stroke-linecap="round" marker-end="url(#head)"/>`;
    case 'marker': {
      const r = sizes.markerRadius;
      const [x, y] = [a.at.x * width, a.at.y * height];
      return (
        `<circle cx="${x}" cy="${y}" r="${r}" fill="${COLOUR}"/>` +
        `<text x="${x}" y="${y}" font-size="${r * 1.2}" text-anchor="middle" dominant-baseline="central" fill="#fff" font-weight="700">${a.number}</text>`
      );
    }
    case 'text': {
      const size = sizes.labelFont;
      const [x, y] = [a.at.x * width, a.at.y * height];
      const box = sizes.labelBox(a.text, x);
      return (
        `<rect x="${x}" y="${y}" width="${box.width}" height="${box.height}" rx="${sizes.corner}" fill="#fff" stroke="${COLOUR}" stroke-width="2"/>` +
        `<text x="${x + size / 2}" y="${y + size * 0.8}" font-size="${size}" dominant-baseline="central" fill="#111">${escapeMarkup(a.text)}</text>`
      );
    }
    default:
      return '';
  }
}
