// Runs in the web page while a journey records: turns what the persona does and what the page
// does into PageEvents, runs the on-page detectors, and reports what they find.
import type { AgentToBackground } from '../messaging/protocol';
import type { PageEvent } from '../signals/events';
import { DEAD_CLICK_QUIET_MS, deadClickDetector } from '../signals/kinds/dead-click';
import { PAGE_DETECTORS, detectSignals, neededEvents, toReport, type SignalThresholds } from '../signals/detectors';
import { orElse } from './attempt';
import { clickTarget, labelOf, looksInteractive } from './describe';
import { describeElement } from './descriptor';
import { PAGE_ERROR_EVENT } from './error-relay';
import { isOwnLayer } from './overlay';
import { isOwnRestyle, ownChangesUnderway, pickingUnderway } from './own-changes';

const KEEP_MS = 10_000;

export type Report = (message: AgentToBackground) => void;

export interface ObserveOptions {
  /** Report every real click and navigation, for draft touchpoints. */
  autoRecord: boolean;
  /** The page has just loaded (rather than the journey having just started on it). */
  freshPage: boolean;
  thresholds?: SignalThresholds;
}

/** Starts observing; returns the function that stops it and removes every listener. */
export function observePage(report: Report, options: ObserveOptions, now: () => number = Date.now): () => void {
  // (A recording state written by an older version has no thresholds by signal: defaults then.)
  const th: Partial<SignalThresholds> = options.thresholds ?? {};
  const waitMs = th['dead-click']?.waitMs ?? deadClickDetector.defaults.waitMs;
  // Listeners only for the events some signal needs (clicks and addresses are always followed).
  const needs = neededEvents(PAGE_DETECTORS);
  const events: PageEvent[] = [];
  const reported = new Set<string>();
  const cleanups: (() => void)[] = [];
  const timers = new Set<number>();
  let lastClickAt = -Infinity;
  let interacted = false;

  const run = () => {
    for (const found of toReport(detectSignals(PAGE_DETECTORS, events, now(), th), reported, PAGE_DETECTORS)) {
      report({ type: 'page-signal', kind: found.kind, at: found.at, facts: found.facts });
    }
  };
  const push = (event: PageEvent) => {
    events.push(event);
    while (events.length && now() - events[0]!.t > KEEP_MS) events.shift();
    run();
  };
  const later = (ms: number, work: () => void) => {
    const timer = window.setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };
  const listen = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void) => {
    // What the researcher does with Touchtrail's element picker is not the persona using the page.
    const wrapped = (event: WindowEventMap[K]) => {
      if (event.isTrusted && !pickingUnderway()) handler(event);
    };
    window.addEventListener(type, wrapped, { capture: true, passive: true });
    cleanups.push(() => window.removeEventListener(type, wrapped, { capture: true }));
  };
  const noteInteraction = () => {
    if (interacted) return;
    interacted = true;
    report({ type: 'page-interaction', at: now() });
  };

  // A change to the page after a click: watched only for the few seconds a click waits for one.
  const mutations = new MutationObserver((records) => {
    if (!records.some((record) => isPageChange(record) && !isOwnRestyle(record))) return;
    push({ type: 'mutation', t: now() });
    mutations.disconnect();
  });
  cleanups.push(() => mutations.disconnect());

  listen('click', (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const t = now();
    const { clientX: x, clientY: y } = event;
    lastClickAt = t;
    noteInteraction();
    if (needs.has('mutation')) {
      mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      later(waitMs, () => mutations.disconnect());
    }
    // Naming the element reads its style and layout: done after the page has handled its click,
    // so the agent adds next to nothing to the page's own click handling.
    later(0, () => {
      const element = clickTarget(target);
      const interactive = orElse(() => looksInteractive(target), true);
      push({ type: 'click', t, x, y, interactive, label: orElse(() => labelOf(element), '') });
      if (element.matches('button:not([type]), button[type="submit"], input[type="submit"]')) watchFormErrors();
    });
    later(waitMs + 50, run);
  });
  listen('keydown', noteInteraction);
  // A disabled control fires no click, but the press still reaches the page as pointer events.
  if (needs.has('disabled-press')) {
    listen('pointerup', (event) => {
      const target = event.composedPath()[0];
      const control =
        event.button === 0 && target instanceof Element
          ? target.closest(
              'button:disabled, input:disabled, select:disabled, textarea:disabled, [aria-disabled="true"]',
            )
          : null;
      if (!control) return;
      noteInteraction();
      push({ type: 'disabled-press', t: now(), label: orElse(() => labelOf(control), '') });
    });
  }
  if (options.autoRecord) {
    // Reported at pointerdown, so the page is captured as the persona saw it before the click
    // acted; the element is described in a task of its own, so the press reaches the page at once.
    listen('pointerdown', (event) => {
      const target = event.composedPath()[0];
      if (event.button === 0 && target instanceof Element) {
        later(0, () => report({ type: 'auto-click', element: describeElement(clickTarget(target)) }));
      }
    });
  }
  const nearClick = (type: 'scroll' | 'selection') => () => {
    if (needs.has(type) && now() - lastClickAt <= DEAD_CLICK_QUIET_MS && !ownChangesUnderway())
      push({ type, t: now() });
  };
  listen('scroll', nearClick('scroll'));
  if (needs.has('scroll-turn')) followScrollTurns(listen, push, now);
  const onSelection = nearClick('selection');
  document.addEventListener('selectionchange', onSelection);
  cleanups.push(() => document.removeEventListener('selectionchange', onSelection));

  // Page errors arrive from the relay in the page's world (see error-relay.ts).
  const onPageError = (event: Event) => {
    const message = event instanceof CustomEvent && typeof event.detail === 'string' ? event.detail : 'Script error';
    const t = now();
    // After the click that caused it, which is noted in a task of its own (see the click listener).
    later(0, () => push({ type: 'error', t, message }));
  };
  if (needs.has('error')) {
    document.addEventListener(PAGE_ERROR_EVENT, onPageError);
    cleanups.push(() => document.removeEventListener(PAGE_ERROR_EVENT, onPageError));
    report({ type: 'install-error-relay' });
  }

  // Native validation fires "invalid" on each refused field; scripted forms set aria-invalid.
  listen('invalid', (event) => {
    if (event.target instanceof Element && needs.has('invalid-field')) {
      push({ type: 'invalid-field', t: now(), label: labelOf(event.target) });
    }
  });
  listen('submit', () => watchFormErrors());
  const flagged = new WeakSet<Element>();
  function watchFormErrors() {
    if (!needs.has('invalid-field')) return;
    for (const delay of [300, 1000, 2000]) {
      later(delay, () => {
        for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
          if (flagged.has(field) || !(field instanceof HTMLElement) || field.offsetParent === null) continue;
          flagged.add(field);
          push({ type: 'invalid-field', t: now(), label: labelOf(field) });
        }
      });
    }
  }

  // Addresses: this page, then single-page-app route changes.
  const navigated = () => {
    report({ type: 'page-navigation', url: location.href, at: now() });
    push({ type: 'navigation', t: now(), url: location.href });
  };
  const routeChanged = () => {
    navigated();
    if (options.autoRecord) report({ type: 'auto-navigation', url: location.href });
  };
  if (options.freshPage) routeChanged();
  else navigated();
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', routeChanged);
    cleanups.push(() => navigation.removeEventListener('navigatesuccess', routeChanged));
  } else {
    listen('popstate', routeChanged);
    listen('hashchange', routeChanged);
  }

  if (needs.has('page-timing')) reportPageTiming(push, now, cleanups);

  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    for (const timer of timers) window.clearTimeout(timer);
    timers.clear();
  };
}

/**
 * A change the page made, not one of Touchtrail's: the masks and highlight a capture puts in
 * the page (right after a click, with auto-record on) must not read as the page reacting.
 */
export function isPageChange(record: MutationRecord): boolean {
  if (isOwnLayer(record.target)) return false;
  if (record.type !== 'childList') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length === 0 || nodes.some((node) => !isOwnLayer(node));
}

/**
 * Notes each time the persona's scrolling turns the other way, with how far it went before. A
 * full-page capture scrolls the page too, but that is Touchtrail's own doing.
 */
function followScrollTurns(
  listen: (type: 'scroll', handler: (event: Event) => void) => void,
  push: (event: PageEvent) => void,
  now: () => number,
) {
  // Where the window's scrolling starts from; an element's, from its first scroll event on.
  let scroller = document.scrollingElement ?? undefined;
  let lastY = scroller?.scrollTop ?? 0;
  let runFrom = lastY;
  let down: boolean | undefined;
  listen('scroll', (event) => {
    const target = event.target instanceof Document ? event.target.scrollingElement : event.target;
    if (!(target instanceof Element) || ownChangesUnderway()) return;
    const y = target.scrollTop;
    if (target !== scroller) {
      [scroller, lastY, runFrom, down] = [target, y, y, undefined];
      return;
    }
    if (y === lastY) return;
    if (down !== undefined && y > lastY !== down) {
      push({ type: 'scroll-turn', t: now(), travel: Math.abs(lastY - runFrom) });
      runFrom = lastY;
    }
    down = y > lastY;
    lastY = y;
  });
}

/** How long the page took to load and to paint its largest content, once it has loaded. */
function reportPageTiming(push: (event: PageEvent) => void, now: () => number, cleanups: (() => void)[]) {
  let largestPaintMs: number | undefined;
  try {
    const paints = new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) largestPaintMs = last.startTime;
    });
    paints.observe({ type: 'largest-contentful-paint', buffered: true });
    cleanups.push(() => paints.disconnect());
  } catch {
    // Largest-contentful-paint is not measured in this browser; load time still is.
  }
  const measure = () => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const loadMs = entry ? entry.loadEventEnd || entry.domContentLoadedEventEnd : undefined;
    push({ type: 'page-timing', t: now(), url: location.href, loadMs, largestPaintMs });
  };
  if (document.readyState === 'complete') setTimeout(measure, 0);
  else {
    window.addEventListener('load', () => setTimeout(measure, 0), { once: true });
  }
}
