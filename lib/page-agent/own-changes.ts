// Runs in the web page. While Touchtrail itself changes the page (a full-page capture scrolls it
// and hides its fixed bars) or the researcher picks an element, those changes and events are not
// the page reacting to the persona: the page observer asks here before it counts one.
// (The page tools get these functions from the agent: the state stays the agent's, one copy.)

let underway = 0;
let picking = false;

/** True while the researcher is picking an element (the page observer ignores those events). */
export function pickingUnderway(): boolean {
  return picking;
}

export function setPicking(on: boolean): void {
  picking = on;
}

/** Elements whose inline style Touchtrail changed (fixed bars hidden during a full-page capture). */
const restyled = new WeakSet<Node>();

/** Notes that Touchtrail is about to change this element's inline style. */
export function markOwnRestyle(element: Element): void {
  restyled.add(element);
}

/** A change of an element's style that Touchtrail made, not the page. */
export function isOwnRestyle(record: MutationRecord): boolean {
  return record.type === 'attributes' && record.attributeName === 'style' && restyled.has(record.target);
}

export function ownChangesUnderway(): boolean {
  return underway > 0;
}

/** A full-page capture whose background went away never ends: its mark expires after this. */
export const OWN_CHANGES_EXPIRE_MS = 60_000;

/**
 * Marks Touchtrail's own changes as under way; the function returned ends that. The end takes
 * effect after the next frame, once the changes undone last (scroll events, mutation records)
 * have been delivered.
 */
export function beginOwnChanges(view: Window = window): () => void {
  underway++;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    view.clearTimeout(expiry);
    view.requestAnimationFrame(() => view.setTimeout(() => underway--, 0));
  };
  const expiry = view.setTimeout(end, OWN_CHANGES_EXPIRE_MS);
  return end;
}
