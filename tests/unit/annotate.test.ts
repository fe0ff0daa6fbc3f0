import { describe, expect, it } from 'vitest';
import {
  areaBetween,
  areaToPixels,
  createAnnotation,
  describeAnnotation,
  moveAnnotation,
  nextMarkerNumber,
  resizeAnnotation,
  sameRedactions,
} from '../../lib/annotate/geometry';
import { amend, canRedo, canUndo, commit, HISTORY_LIMIT, redo, startHistory, undo } from '../../lib/annotate/history';
import { annotation, type Annotation } from '../../lib/model';

const at = (x: number, y: number) => ({ x, y });
/** The annotation with its numbers rounded, so 0.7 + 0.1 compares equal to 0.8. */
const rounded = (a: Annotation): unknown =>
  JSON.parse(JSON.stringify(a, (_, v: unknown) => (typeof v === 'number' ? +v.toFixed(6) : v)));

describe('annotation geometry', () => {
  it('spans an area between two corners dragged in any direction, inside the screenshot', () => {
    expect(areaBetween(at(0.5, 0.6), at(0.2, 0.1))).toEqual({ x: 0.2, y: 0.1, width: 0.3, height: 0.5 });
    const clipped = areaBetween(at(0.9, -0.2), at(1.4, 0.3));
    expect(clipped.x).toBe(0.9);
    expect(clipped.y).toBe(0);
    expect(clipped.width).toBeCloseTo(0.1);
    expect(clipped.height).toBeCloseTo(0.3);
  });

  // A click at (0.1, 0.1) gives a default-sized shape (0.2 wide, its height kept square on a
  // 16:10 screenshot); a drag to (0.6, 0.4) gives the dragged extent.
  it.each([
    [
      'box',
      { area: { x: 0.1, y: 0.1, width: 0.2, height: 0.16 } },
      { area: { x: 0.1, y: 0.1, width: 0.5, height: 0.3 } },
    ],
    [
      'redaction',
      { area: { x: 0.1, y: 0.1, width: 0.2, height: 0.16 }, style: 'solid' },
      { area: { x: 0.1, y: 0.1, width: 0.5, height: 0.3 }, style: 'solid' },
    ],
    ['arrow', { from: at(0.1, 0.1), to: at(0.3, 0.26) }, { from: at(0.1, 0.1), to: at(0.6, 0.4) }],
    ['marker', { at: at(0.1, 0.1), number: 1 }, { at: at(0.1, 0.1), number: 1 }],
    ['text', { at: at(0.1, 0.1), text: 'Note' }, { at: at(0.1, 0.1), text: 'Note' }],
  ] as const)('creates a valid %s from a click (default size) and from a drag', (kind, fromClick, fromDrag) => {
    const clicked = createAnnotation(kind, at(0.1, 0.1), at(0.1, 0.1), []);
    const dragged = createAnnotation(kind, at(0.1, 0.1), at(0.6, 0.4), []);
    expect(annotation.safeParse(clicked).success).toBe(true);
    expect(annotation.safeParse(dragged).success).toBe(true);
    expect(rounded(clicked)).toEqual({ kind, id: clicked.id, ...fromClick });
    expect(rounded(dragged)).toEqual({ kind, id: dragged.id, ...fromDrag });
  });

  it('gives a shape added without dragging the same shape on a tall full-page capture', () => {
    const viewport = createAnnotation('box', at(0.1, 0.1), at(0.1, 0.1), [], 'Note', 1280 / 800);
    const fullPage = createAnnotation('box', at(0.1, 0.1), at(0.1, 0.1), [], 'Note', 1280 / 8000);
    const pixels = (a: Annotation, w: number, h: number) =>
      a.kind === 'box' ? [Math.round(a.area.width * w), Math.round(a.area.height * h)] : [];
    expect(pixels(viewport, 1280, 800)).toEqual([256, 128]);
    expect(pixels(fullPage, 1280, 8000)).toEqual([256, 128]);
  });

  it('numbers markers after the highest one, even when some were removed', () => {
    const list: Annotation[] = [
      createAnnotation('marker', at(0.1, 0.1), at(0.1, 0.1), []),
      createAnnotation('box', at(0.1, 0.1), at(0.2, 0.2), []),
    ];
    const second = createAnnotation('marker', at(0.2, 0.2), at(0.2, 0.2), list);
    expect(second).toMatchObject({ kind: 'marker', number: 2 });
    expect(nextMarkerNumber([second])).toBe(3);
  });

  it('moves shapes but never past the edges, keeping their size and an arrow its direction', () => {
    const box = createAnnotation('box', at(0.7, 0.7), at(0.9, 0.9), []);
    expect(rounded(moveAnnotation(box, 0.5, -0.1))).toMatchObject({ area: { x: 0.8, y: 0.6, width: 0.2 } });
    const arrow = createAnnotation('arrow', at(0.1, 0.5), at(0.3, 0.6), []);
    expect(rounded(moveAnnotation(arrow, -0.5, 0))).toMatchObject({ from: { x: 0, y: 0.5 }, to: { x: 0.2, y: 0.6 } });
    const marker = moveAnnotation(createAnnotation('marker', at(0.95, 0.5), at(0.95, 0.5), []), 0.2, 0);
    expect(marker).toMatchObject({ at: { x: 1 } });
  });

  it('resizes areas within the screenshot and moves an arrow head; points do not resize', () => {
    const box = createAnnotation('redaction', at(0.8, 0.1), at(0.9, 0.2), []);
    expect(rounded(resizeAnnotation(box, 0.5, -0.5))).toMatchObject({ area: { width: 0.2, height: 0 } });
    const arrow = createAnnotation('arrow', at(0.1, 0.1), at(0.3, 0.3), []);
    expect(rounded(resizeAnnotation(arrow, 0.1, 0))).toMatchObject({ from: { x: 0.1 }, to: { x: 0.4 } });
    const text = createAnnotation('text', at(0.1, 0.1), at(0.1, 0.1), [], 'Hi');
    expect(resizeAnnotation(text, 0.1, 0.1)).toBe(text);
  });

  it('rounds a redaction outwards to whole pixels so no sliver of the value survives', () => {
    expect(areaToPixels({ x: 0.1001, y: 0.25, width: 0.3, height: 0.1 }, 1000, 800)).toEqual({
      x: 100,
      y: 200,
      width: 301,
      height: 80,
    });
    expect(areaToPixels({ x: 0.9, y: 0.9, width: 0.1, height: 0.1 }, 10, 10)).toEqual({
      x: 9,
      y: 9,
      width: 1,
      height: 1,
    });
  });

  it('tells when an edit changes what is burned into the image', () => {
    const redaction = createAnnotation('redaction', at(0.1, 0.1), at(0.2, 0.2), []);
    const box = createAnnotation('box', at(0.1, 0.1), at(0.2, 0.2), []);
    expect(sameRedactions([redaction], [redaction, box])).toBe(true);
    expect(sameRedactions([redaction], [moveAnnotation(redaction, 0.1, 0)])).toBe(false);
    expect(sameRedactions([redaction], [{ ...redaction, style: 'blur' } as Annotation])).toBe(false);
    expect(sameRedactions([redaction], [])).toBe(false);
  });

  it('describes each annotation in words, quoting labels as text', () => {
    expect(describeAnnotation(createAnnotation('text', at(0, 0), at(0, 0), [], '<b>Price</b>'))).toBe(
      'Label “<b>Price</b>”',
    );
    expect(
      describeAnnotation({ ...createAnnotation('redaction', at(0, 0), at(0, 0), []), style: 'blur' } as Annotation),
    ).toBe('Redaction (blur)');
  });
});

describe('undo and redo', () => {
  it('steps back and forth through changes, and a new change clears what was undone', () => {
    let history = commit(commit(startHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    expect(canRedo(history)).toBe(true);
    history = redo(history);
    expect(history.present).toBe('c');
    history = commit(undo(undo(history)), 'd');
    expect(history.present).toBe('d');
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present).toBe('a');
  });

  it('does nothing when there is nothing to undo or redo, and ignores a change to the same state', () => {
    const history = startHistory('a');
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
    expect(commit(history, 'a')).toBe(history);
    expect(canUndo(history)).toBe(false);
  });

  it('folds typing into one step, and undoing it returns to before the typing', () => {
    let history = commit(startHistory('label'), 'label!');
    history = amend(history, 'label!!');
    history = amend(history, 'label!!!');
    expect(history.present).toBe('label!!!');
    expect(undo(history).present).toBe('label');
    expect(canRedo(amend(undo(commit(history, 'x')), 'y'))).toBe(false);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let history = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) history = commit(history, i);
    while (canUndo(history)) history = undo(history);
    expect(history.present).toBe(20);
  });
});
