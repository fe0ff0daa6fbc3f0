/** The browser reported that this window got focus (-1: the browser as a whole lost it). */
export interface WindowFocusEvent {
  windowId: number;
  at: number;
}

/** The side panel of this window got or lost focus. */
export interface PanelFocusEvent {
  windowId: number;
  kind: 'focus' | 'blur';
  at: number;
}

/** Events of the browser and of a web page, one cause apart, are this close (milliseconds). */
export const SAME_MOMENT_MS = 500;

/**
 * The windows the persona was in, oldest first, latest last. The browser reports focus of a
 * window, not of the part of it that got focus: clicking the side panel focuses the window it
 * belongs to, while the persona is still in a pop-up in front of it. So a window focus that
 * came with the panel's own focus is the researcher's, not the persona's; and the panel losing
 * focus with no window focus at that moment means the researcher went back to the page beside
 * it, which the persona is now on.
 */
export function personaFocusOrder(windowLog: WindowFocusEvent[], panelLog: PanelFocusEvent[]): number[] {
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_MOMENT_MS;
  // While the panel has focus (from its focus until its next blur), a focus of its window is the
  // researcher's, however late a sleeping worker got to note it.
  const panelHadFocus = (windowId: number, at: number) =>
    panelLog.some(
      (p) =>
        p.kind === 'focus' &&
        p.windowId === windowId &&
        p.at - SAME_MOMENT_MS <= at &&
        !panelLog.some((b) => b.kind === 'blur' && b.windowId === windowId && b.at > p.at && b.at < at),
    );
  const persona: WindowFocusEvent[] = windowLog.filter((event) => !panelHadFocus(event.windowId, event.at));
  for (const blur of panelLog) {
    if (blur.kind === 'blur' && !windowLog.some((event) => near(event.at, blur.at))) {
      persona.push({ windowId: blur.windowId, at: blur.at });
    }
  }
  persona.sort((a, b) => a.at - b.at);
  return persona.map((event) => event.windowId);
}
