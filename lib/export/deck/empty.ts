// Where a journey has no touchpoint to show, a slide says so: the deck stays whole and readable.

import type PptxGenJS from 'pptxgenjs';
import type { Journey } from '../../model';
import { COLOUR, FONT, heading, MASTER, SLIDE } from './theme';

export function noTouchpointsSlide(pptx: PptxGenJS, journey: Journey, hasOthers: boolean): void {
  const slide = pptx.addSlide({ masterName: MASTER });
  heading(slide, journey.title, 'Touchpoints');
  slide.addText(
    hasOthers
      ? 'No key touchpoints in this journey. Mark touchpoints as key, or export with all touchpoints.'
      : 'No touchpoints were kept in this journey yet.',
    { x: SLIDE.margin, y: 3, w: 12.3, h: 1, align: 'center', fontFace: FONT, fontSize: 20, color: COLOUR.muted },
  );
}
