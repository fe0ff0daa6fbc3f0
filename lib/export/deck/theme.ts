// The deck's look, from the product's light theme (components/styles.css, shared/UI.md): calm
// neutral surfaces, one accent, friction severity from grey through amber to red, always with a
// text label beside the colour.

import type PptxGenJS from 'pptxgenjs';
import type { FrictionSeverity } from '../../model';
import { ACCENT, INK, MUTED, PANEL, RULE, SEVERITY_HEX } from '../readout/palette';

const upper = (hex: string) => hex.toUpperCase();

/** The readout palette (lib/export/readout/palette.ts) as pptxgenjs takes it: upper-case hex, no '#'. */
export const COLOUR = {
  text: upper(INK),
  muted: upper(MUTED),
  border: upper(RULE),
  surface: 'FFFFFF',
  band: upper(PANEL),
  accent: upper(ACCENT),
} as const;

export const SEVERITY_COLOUR = Object.fromEntries(
  Object.entries(SEVERITY_HEX).map(([severity, hex]) => [severity, upper(hex)]),
) as Record<FrictionSeverity, string>;

/** A light tint of each severity, for table cells whose text stays dark and readable. */
export const SEVERITY_TINT: Record<FrictionSeverity, string> = {
  none: 'FFFFFF',
  minor: 'FBF3D0',
  moderate: 'FDE7CF',
  major: 'FBD9C6',
  blocker: 'F6CFCB',
};

/** Arial: PowerPoint, Keynote, Google Slides and LibreOffice all have it or a metric twin. */
export const FONT = 'Arial';

/** LAYOUT_WIDE, in inches. */
export const SLIDE = { w: 13.333, h: 7.5, margin: 0.5 } as const;

export const MASTER = 'TOUCHTRAIL';

export function defineMaster(pptx: PptxGenJS, footer: string): void {
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: COLOUR.surface },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w, h: 0.12, fill: { color: COLOUR.accent } } },
      {
        text: {
          text: clip(footer, 120),
          options: { x: SLIDE.margin, y: 7.05, w: 10, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOUR.muted },
        },
      },
    ],
    slideNumber: { x: 12.3, y: 7.05, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOUR.muted, align: 'right' },
  });
}

/** A slide's heading: the small grey kicker above a bold title. */
export function heading(slide: PptxGenJS.Slide, title: string, kicker?: string): void {
  if (kicker)
    slide.addText(clip(kicker, 140), {
      x: SLIDE.margin,
      y: 0.3,
      w: SLIDE.w - 2 * SLIDE.margin,
      h: 0.3,
      fontFace: FONT,
      fontSize: 12,
      color: COLOUR.muted,
    });
  const text = clip(title, 110);
  slide.addText(text, {
    x: SLIDE.margin,
    y: kicker ? 0.55 : 0.35,
    w: SLIDE.w - 2 * SLIDE.margin,
    h: 0.6,
    fontFace: FONT,
    // PowerPoint applies "shrink" only once the text is edited: a long title gets a smaller size itself.
    fontSize: text.length > 60 ? 18 : 26,
    bold: true,
    color: COLOUR.text,
    fit: 'shrink',
  });
}

/** Text cut to `max` characters with an ellipsis, so no cell or box overflows its slide. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The titles and axis labels every chart of the deck shares. */
export function chartText(title: string): PptxGenJS.IChartOpts {
  return {
    showTitle: true,
    title,
    titleFontSize: 11,
    titleFontFace: FONT,
    titleColor: COLOUR.muted,
    catAxisLabelFontSize: 9,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 9,
    valAxisLabelFontFace: FONT,
  };
}

/** "1 step", "3 steps". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
