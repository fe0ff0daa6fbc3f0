// Every message a page agent sends reaches the background here: picked elements, auto-record's
// clicks and arrivals, and friction signals (those seen in the page, and quick back, which spans
// pages and is detected here).

import { browser, type Browser } from 'wxt/browser';
import { NotRecordingError, recordingJourney } from '../db/recording';
import { recordSignal } from '../db/record-signal';
import { activeJourneyId, signalThresholdsItem } from '../extension-storage/items';
import { agentToBackground, pageElement } from '../messaging/protocol';
import { describedElement } from '../model/element-role';
import { PAGE_ERROR_EVENT, installErrorRelay } from '../page-agent/error-relay';
import type { PageEvent } from '../signals/events';
import { BACKGROUND_DETECTORS, detectSignals, toReport } from '../signals/detectors';
import { describeOccurrence } from '../signals/registry';
import { readThresholds } from '../signals/thresholds';
import { recordAutoClick, recordAutoNavigation } from './auto-record';
import { CaptureError } from './errors';
import { reportCaptureFailure } from './report';
import { requestCapture } from './service';

/** Per tab, the navigations and interactions seen lately, for quick-back (which spans pages). */
const tabEvents = new Map<number, PageEvent[]>();
const reportedInTab = new Map<number, Set<string>>();
const HISTORY_MS = 30_000;

/**
 * Reports from page agents. They come from web pages, so each is parsed, and only heard while
 * a journey records; a page can at most add a suggestion, which the researcher may dismiss.
 */
export async function handleAgentMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (sender.id !== extensionId || tabId === undefined || !sender.url) return;
  const parsed = agentToBackground.safeParse(message);
  if (!parsed.success) return;
  const report = parsed.data;
  const tab = { id: tabId, windowId: sender.tab?.windowId };
  let journey;
  try {
    journey = await recordingJourney(await activeJourneyId.getValue());
  } catch (error) {
    if (!(error instanceof NotRecordingError)) throw error;
    // The researcher picked, then paused or ended the journey before clicking: say why nothing came.
    if (report.type === 'element-picked') await reportPickFailure(error, tab);
    return;
  }

  if (report.type === 'install-error-relay') {
    // Refused when the page navigated or closed since it asked: nothing to tell the researcher,
    // the page whose errors would have been relayed is gone.
    await browser.scripting
      .executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        world: 'MAIN',
        func: installErrorRelay,
        args: [PAGE_ERROR_EVENT],
      })
      .catch(() => undefined);
    return;
  }
  if (report.type === 'element-picked') {
    const element = pageElement.safeParse(report.element);
    if (!element.success) return reportPickFailure(UNREADABLE_ELEMENT, tab);
    await requestCapture(journey.id, undefined, tab, {
      source: 'picked',
      element: describedElement(element.data),
    }).catch((error: unknown) => reportPickFailure(error, tab));
    return;
  }
  if (report.type === 'auto-click' || report.type === 'auto-navigation') {
    if (!journey.autoRecord) return;
    const url = report.type === 'auto-navigation' ? report.url : sender.url;
    const attempt = { kind: 'auto', tabId, windowId: tab.windowId, url } as const;
    let recorded: Promise<void>;
    if (report.type === 'auto-navigation') recorded = recordAutoNavigation(journey.id, tab, report.url);
    else {
      const element = pageElement.safeParse(report.element);
      recorded = element.success
        ? recordAutoClick(journey.id, tab, describedElement(element.data), sender.url)
        : Promise.reject(UNREADABLE_ELEMENT);
    }
    await recorded.catch((error: unknown) => reportCaptureFailure(error, attempt));
    return;
  }
  if (report.type === 'page-signal') {
    const detail = describeOccurrence(report.kind, report.facts);
    await recordSignal(journey.id, sender.url, { kind: report.kind, at: report.at, detail });
    return;
  }
  const event: PageEvent =
    report.type === 'page-navigation'
      ? { type: 'navigation', t: report.at, url: report.url }
      : { type: 'key', t: report.at };
  const events = [...(tabEvents.get(tabId) ?? []), event].filter((e) => report.at - e.t <= HISTORY_MS);
  tabEvents.set(tabId, events);
  const thresholds = readThresholds(await signalThresholdsItem.getValue());
  const reported = reportedInTab.get(tabId) ?? new Set<string>();
  reportedInTab.set(tabId, reported);
  const found = detectSignals(BACKGROUND_DETECTORS, events, report.at, thresholds);
  for (const signal of toReport(found, reported, BACKGROUND_DETECTORS)) {
    const detail = describeOccurrence(signal.kind, signal.facts);
    await recordSignal(journey.id, sender.url, { kind: signal.kind, at: signal.at, detail });
  }
}

const UNREADABLE_ELEMENT = new CaptureError(
  'Touchtrail could not read the element that was clicked, so it was not recorded. Try again, or capture the page instead.',
);

async function reportPickFailure(error: unknown, tab: { id: number; windowId?: number }): Promise<void> {
  await reportCaptureFailure(error, { kind: 'pick', tabId: tab.id, windowId: tab.windowId });
}

export function forgetTab(tabId: number): void {
  tabEvents.delete(tabId);
  reportedInTab.delete(tabId);
}
