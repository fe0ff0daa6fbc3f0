// Runs in the web page. While Touchtrail itself changes the page (a full-page capture scrolls it
// and hides its fixed bars), what changes is not the page reacting to the persona: the page
// observer asks here before it counts a change or a scroll.

let underway = 0;

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
