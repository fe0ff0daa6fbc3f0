// Runs in the web page: the element picker. Hovering outlines an element, a click picks it
// (the page never sees that click), Escape cancels.
import type { ElementDescriptor } from '../model/schemas';
import { clickTarget, labelOf } from './describe';
import { describeElement, roleOf } from './descriptor';
import { createOverlay } from './overlay';

const BLOCKED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick'] as const;

export interface Picker {
  cancel(): void;
}

let picking = false;

/** True while the researcher is picking an element (the page observer ignores those events). */
export function isPicking(): boolean {
  return picking;
}

export function startPicker(onPick: (element: ElementDescriptor) => void, onCancel: () => void): Picker {
  const overlay = createOverlay(document);
  const outline = overlay.add('outline');
  const tag = overlay.add('tag');
  tag.textContent = 'Click an element to record it · Esc to cancel';
  let current: Element | undefined;

  const targetAt = (event: Event): Element | undefined => {
    const target = event.composedPath()[0];
    return target instanceof Element ? clickTarget(target) : undefined;
  };
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    current = targetAt(event);
    if (!current) return;
    const box = current.getBoundingClientRect();
    overlay.place(outline, box);
    tag.textContent = `${roleOf(current)} “${labelOf(current).slice(0, 40)}” · click to record · Esc to cancel`;
    overlay.place(tag, { x: box.x, y: Math.max(0, box.y - 26), width: 0, height: 0 });
  };
  const swallow = (event: Event) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click') return;
    const picked = targetAt(event);
    stop();
    if (picked) onPick(describeElement(picked));
  };
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    stop();
    onCancel();
  };

  picking = true;
  window.addEventListener('pointermove', onMove, { capture: true, passive: true });
  for (const type of BLOCKED) window.addEventListener(type, swallow, { capture: true });
  window.addEventListener('keydown', onKey, { capture: true });

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    picking = false;
    window.removeEventListener('pointermove', onMove, { capture: true });
    for (const type of BLOCKED) window.removeEventListener(type, swallow, { capture: true });
    window.removeEventListener('keydown', onKey, { capture: true });
    overlay.remove();
  }
  return { cancel: stop };
}
