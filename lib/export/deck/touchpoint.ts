// One slide per chosen touchpoint: the screenshot large on the left (contained, its aspect kept),
// the facts on the right, the researcher's notes as the quote, the URL in the speaker notes.

import type PptxGenJS from 'pptxgenjs';
import { considerationAverages, formatConsiderations, formatEmotion } from '../../metrics/journey';
import { label, type Journey, type Touchpoint } from '../../model';
import { topOfCaption, UNREADABLE, type FlatImage } from '../readout/raster';
import { clip, COLOUR, FONT, heading, MASTER, SEVERITY_COLOUR, SEVERITY_TINT, SLIDE } from './theme';

const IMAGE_BOX = { x: SLIDE.margin, y: 1.35, w: 8.2, h: 5.5 } as const;
const SIDE = { x: 9.0, w: SLIDE.w - 9.0 - SLIDE.margin } as const;

export function touchpointSlide(
  pptx: PptxGenJS,
  journey: Journey,
  point: Touchpoint,
  image: FlatImage | { unreadable: string } | undefined,
  base64: string | undefined,
): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  const marks = [point.key ? 'Key touchpoint' : '', point.momentOfTruth ? '★ Moment of truth' : ''].filter(Boolean);
  heading(slide, `${point.seq} · ${point.title || 'Untitled'}`, [clip(journey.title, 80), ...marks].join(' · '));
  if (image && 'bytes' in image && base64) {
    const caption = topOfCaption(image);
    const area = caption ? { ...IMAGE_BOX, h: IMAGE_BOX.h - 0.3 } : IMAGE_BOX;
    const box = contain(image, area);
    slide.addImage({ data: `data:image/jpeg;base64,${base64}`, ...box, altText: point.title });
    // A hairline frame: most pages are white, and so is the slide.
    slide.addShape('rect', { ...box, line: { color: COLOUR.border, width: 0.75 } });
    if (caption)
      slide.addText(caption, {
        ...IMAGE_BOX,
        y: box.y + box.h + 0.05,
        h: 0.25,
        fontFace: FONT,
        fontSize: 10,
        color: COLOUR.muted,
      });
  } else {
    const missing = image && 'unreadable' in image ? `${UNREADABLE} (${image.unreadable}).` : undefined;
    slide.addText(missing ?? (point.source === 'offsite' ? 'Off-site touchpoint: no screenshot' : 'No screenshot'), {
      ...IMAGE_BOX,
      align: 'center',
      fontFace: FONT,
      fontSize: 16,
      color: COLOUR.muted,
      fill: { color: COLOUR.band },
      line: { color: COLOUR.border, width: 0.75 },
    });
  }
  facts(slide, point);
  quote(slide, point.friction.notes);
  slide.addNotes(speakerNotes(point));
}

/** The largest box of the image's aspect that fits in `box`, centred in it. */
export function contain(image: { width: number; height: number }, box: { x: number; y: number; w: number; h: number }) {
  const scale = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

function facts(slide: PptxGenJS.Slide, point: Touchpoint): void {
  const severity = point.friction.severity;
  const row = (name: string, value: string): PptxGenJS.TableCell[] => [
    { text: name, options: { color: COLOUR.muted } },
    { text: value },
  ];
  const rows: PptxGenJS.TableCell[][] = [
    row('Stage', clip(point.stage, 60)),
    row('Channel', label(point.channel)),
    row('Owner', label(point.owner)),
    [
      { text: 'Friction', options: { color: COLOUR.muted } },
      {
        text: label(severity),
        options: {
          bold: true,
          color: severity === 'none' ? COLOUR.text : SEVERITY_COLOUR[severity],
          fill: { color: SEVERITY_TINT[severity] },
        },
      },
    ],
  ];
  if (point.friction.categories.length) rows.push(row('Categories', point.friction.categories.map(label).join(', ')));
  if (point.emotion !== undefined) rows.push(row('Emotion', formatEmotion(point.emotion)));
  if (point.effort !== undefined) rows.push(row('Effort', `${point.effort} of 7`));
  const considerations = formatConsiderations(considerationAverages([point]), true);
  if (considerations) rows.push(row('Considerations', considerations));
  if (point.goal) rows.push(row('Goal', clip(point.goal, 120)));
  slide.addTable(rows, {
    x: SIDE.x,
    y: IMAGE_BOX.y,
    w: SIDE.w,
    colW: [1.4, SIDE.w - 1.4],
    fontFace: FONT,
    fontSize: 10.5,
    color: COLOUR.text,
    margin: 0.06,
    valign: 'middle',
    border: { type: 'solid', pt: 0.5, color: COLOUR.border },
  });
}

function quote(slide: PptxGenJS.Slide, notes: string): void {
  if (!notes.trim()) return;
  slide.addShape('rect', {
    x: SIDE.x,
    y: 4.75,
    w: 0.06,
    h: 2.0,
    fill: { color: COLOUR.accent },
    line: { color: COLOUR.accent },
  });
  slide.addText(`“${clip(notes, 280)}”`, {
    x: SIDE.x + 0.15,
    y: 4.75,
    w: SIDE.w - 0.15,
    h: 2.0,
    fontFace: FONT,
    fontSize: 18,
    italic: true,
    color: COLOUR.text,
    valign: 'top',
    fit: 'shrink',
  });
}

function speakerNotes(point: Touchpoint): string {
  const lines = [
    point.url ? `URL: ${point.url}` : '',
    point.pageTitle ? `Page: ${point.pageTitle}` : '',
    point.friction.notes ? `Notes: ${point.friction.notes}` : '',
    ...point.signals
      .filter((s) => s.status !== 'dismissed')
      .map((s) => `Signal: ${label(s.kind)}${s.detail ? ` — ${s.detail}` : ''}`),
  ];
  return lines.filter(Boolean).join('\n') || 'No URL: recorded off-site.';
}
