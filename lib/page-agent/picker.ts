// Runs in the web page: the element picker. Hovering outlines an element, a click picks it
// (the page never sees that click), Escape cancels.
import type { PageElement } from '../messaging/protocol';
import { clickTarget, labelOf } from './describe';
import { roleOf } from '../model/element-role';
import { describeElement, roleFacts } from './descriptor';
import type { createOverlay } from './overlay';
import type { setPicking } from './own-changes';

const BLOCKED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick'] as const;

const OUTLINE_STYLE =
  'position:fixed;box-sizing:border-box;border:2px solid #2456d6;background:rgba(36,86,214,0.12);border-radius:3px;';
const TAG_STYLE =
  'position:fixed;font:12px/1.4 system-ui,sans-serif;color:#fff;background:#1d1f23;padding:3px 8px;border-radius:4px;white-space:nowrap;';

/** What the picker uses of the agent's own: the overlay and the picking flag are the agent's state. */
export interface PickerKit {
  createOverlay: typeof createOverlay;
  setPicking: typeof setPicking;
}

export interface Picker {
  cancel(): void;
}

export function startPicker(
  onPick: (element: PageElement) => void,
  onCancel: () => void,
  { createOverlay, setPicking }: PickerKit,
): Picker {
  const overlay = createOverlay(document);
  const outline = overlay.add(OUTLINE_STYLE);
  const tag = overlay.add(TAG_STYLE);
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
    tag.textContent = `${roleOf(roleFacts(current))} “${labelOf(current).slice(0, 40)}” · click to record · Esc to cancel`;
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

  setPicking(true);
  window.addEventListener('pointermove', onMove, { capture: true, passive: true });
  for (const type of BLOCKED) window.addEventListener(type, swallow, { capture: true });
  window.addEventListener('keydown', onKey, { capture: true });

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    setPicking(false);
    window.removeEventListener('pointermove', onMove, { capture: true });
    for (const type of BLOCKED) window.removeEventListener(type, swallow, { capture: true });
    window.removeEventListener('keydown', onKey, { capture: true });
    overlay.remove();
  }
  return { cancel: stop };
}
