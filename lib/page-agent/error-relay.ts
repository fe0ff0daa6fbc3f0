/** The DOM event the relay fires on the document for each page error. */
export const PAGE_ERROR_EVENT = 'touchtrail-page-error';

/**
 * Runs in the page's own world (injected by the background with scripting.executeScript, which
 * page CSP does not block) and passes uncaught errors and rejections to the page agent. The
 * page can fire the same event itself: as an error after click it counts only within a second
 * after a real click, when the page could as well have thrown a real error; as a page error
 * (no click before it), once per message and at most 3 times on a page (lib/signals/kinds).
 */
export function installErrorRelay(eventName: string): void {
  const flag = Symbol.for(eventName);
  const page = window as unknown as Record<symbol, boolean>;
  if (page[flag]) return;
  page[flag] = true;
  const relay = (message: string) =>
    document.dispatchEvent(new CustomEvent(eventName, { detail: message.slice(0, 300) }));
  window.addEventListener('error', (event) => relay(String(event.message || 'Script error')));
  window.addEventListener('unhandledrejection', (event) => relay(`Unhandled rejection: ${String(event.reason)}`));
}
