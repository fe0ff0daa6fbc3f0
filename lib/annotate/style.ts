// How big annotations are drawn, shared by the editor (SVG in React) and the exports (SVG text),
// so a marker or a label looks the same wherever it is shown. Sizes follow the screenshot's width.

/** The colour of boxes, arrows and markers (the same in both themes: it is drawn on a page). */
export const ANNOTATION_COLOUR = '#e11d48';

export function annotationSizes(width: number) {
  const unit = Math.max(width, 400) / 100; // 1 % of the screenshot's width
  return {
    unit,
    stroke: unit * 0.4,
    corner: unit * 0.3,
    markerRadius: unit * 2,
    labelFont: unit * 2.2,
    /** A label's box: a line and a half high, as wide as its text (within the screenshot). */
    labelBox: (text: string, x: number) => ({
      width: Math.min(width - x, text.length * unit * 2.2 * 0.6 + unit * 2.2),
      height: unit * 2.2 * 1.6,
    }),
  };
}
