// The opening slides: what was studied, and who walked it.

import type PptxGenJS from 'pptxgenjs';
import type { Journey, Persona, Study } from '../../model';
import { clip, COLOUR, FONT, heading, MASTER, SLIDE } from './theme';

export function titleSlide(pptx: PptxGenJS, study: Study, journeys: Journey[], now: Date): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: 0.35,
    h: SLIDE.h,
    fill: { color: COLOUR.accent },
    line: { color: COLOUR.accent },
  });
  slide.addText(clip(study.name, 120), {
    x: 1,
    y: 1.6,
    w: 11.3,
    h: 1.3,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: COLOUR.text,
    fit: 'shrink',
    valign: 'bottom',
  });
  if (study.company)
    slide.addText(clip(study.company, 160), {
      x: 1,
      y: 3,
      w: 11.3,
      h: 0.5,
      fontFace: FONT,
      fontSize: 20,
      color: COLOUR.muted,
    });
  const shown = journeys
    .slice(0, 6)
    .map((j) => ({ text: clip(j.title, 110), options: { bullet: true, breakLine: true } }));
  if (journeys.length > shown.length)
    shown.push({ text: `and ${journeys.length - shown.length} more`, options: { bullet: true, breakLine: true } });
  slide.addText(
    [
      {
        text: journeys.length === 1 ? 'Journey' : `${journeys.length} journeys`,
        options: { bold: true, breakLine: true },
      },
      ...shown,
    ],
    {
      x: 1,
      y: 3.8,
      w: 11.3,
      h: 2.2,
      fontFace: FONT,
      fontSize: 16,
      color: COLOUR.text,
      valign: 'top',
      paraSpaceAfter: 4,
    },
  );
  slide.addText(`${dateText(now)} · made with Touchtrail`, {
    x: 1,
    y: 6.2,
    w: 11.3,
    h: 0.4,
    fontFace: FONT,
    fontSize: 14,
    color: COLOUR.muted,
  });
}

export function personaSlide(pptx: PptxGenJS, persona: Persona, journeys: Journey[]): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  heading(slide, persona.name, 'Persona');
  if (persona.summary)
    slide.addText(clip(persona.summary, 400), {
      x: SLIDE.margin,
      y: 1.3,
      w: 12.3,
      h: 0.9,
      fontFace: FONT,
      fontSize: 18,
      italic: true,
      color: COLOUR.text,
      valign: 'top',
      fit: 'shrink',
    });
  const columns: [string, string[]][] = [
    ['Goals', persona.goals],
    ['Frustrations', persona.frustrations],
    ['Behaviours', persona.behaviours],
  ];
  columns.forEach(([title, items], index) => bulletColumn(slide, title, items, SLIDE.margin + index * 4.15, 2.4));
  const walked = journeys.filter((j) => j.personaId === persona.id).map((j) => clip(j.title, 80));
  slide.addText(
    walked.length ? `Walked: ${clip(walked.join(' · '), 220)}` : 'No journey of this export walked as this persona.',
    {
      x: SLIDE.margin,
      y: 6.4,
      w: 12.3,
      h: 0.4,
      fontFace: FONT,
      fontSize: 12,
      color: COLOUR.muted,
    },
  );
}

function bulletColumn(slide: PptxGenJS.Slide, title: string, items: string[], x: number, y: number): void {
  slide.addShape('rect', {
    x,
    y,
    w: 3.95,
    h: 3.8,
    fill: { color: COLOUR.band },
    line: { color: COLOUR.border, width: 0.75 },
  });
  const shown = items.filter((i) => i.trim()).slice(0, 7);
  const bullets: PptxGenJS.TextProps[] = shown.length
    ? shown.map((item) => ({ text: clip(item, 120), options: { bullet: true, breakLine: true } }))
    : [{ text: 'None noted', options: { color: COLOUR.muted, breakLine: true } }];
  if (items.length > shown.length)
    bullets.push({
      text: `and ${items.length - shown.length} more`,
      options: { breakLine: true, color: COLOUR.muted },
    });
  slide.addText(
    [{ text: title, options: { bold: true, fontSize: 16, color: COLOUR.accent, breakLine: true } }, ...bullets],
    {
      x: x + 0.1,
      y: y + 0.1,
      w: 3.75,
      h: 3.6,
      fontFace: FONT,
      fontSize: 14,
      color: COLOUR.text,
      valign: 'top',
      paraSpaceAfter: 6,
      fit: 'shrink',
    },
  );
}

/** The export date as people write it in their language (the browser's locale). */
export function dateText(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(date);
}
