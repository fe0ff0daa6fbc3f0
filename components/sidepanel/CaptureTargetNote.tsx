import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { panelFocusLog, rememberPanelFocus, windowFocusLog } from '@/lib/capture/focus-history';
import { describeCaptureTarget } from '@/lib/capture/target';
import type { ChosenTarget } from '@/lib/capture/window-choice';

/**
 * Which page "Capture touchpoint" takes: the persona's page, a pop-up window the journey opened
 * included. Follows the persona live: window focus, tab switches, loads and closing windows.
 */
export function CaptureTargetNote() {
  useReportPanelFocus();
  const target = useCaptureTarget();
  // Empty until the browser answers (the line keeps its height, so nothing below moves).
  const text = target === undefined ? '' : `Captures: ${target ? describeTarget(target) : 'no page open'}`;
  return (
    <p className="capture-target" role="status" aria-live="polite" title={text || undefined}>
      {text}
    </p>
  );
}

function describeTarget(target: ChosenTarget): string {
  const title = target.title?.trim().slice(0, 200);
  const host = hostOf(target.url);
  const page = title && host ? `${title} (${host})` : (title ?? host ?? 'the page in front');
  return target.popup ? `${page}, in a pop-up window` : page;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The target; null when there is none, undefined until the browser has answered. */
function useCaptureTarget(): ChosenTarget | null | undefined {
  const [target, setTarget] = useState<ChosenTarget | null>();
  useEffect(() => {
    let live = true;
    // Answers can come back out of order: only the latest asked for is shown.
    let asked = 0;
    const refresh = () => {
      const mine = ++asked;
      void browser.windows
        .getCurrent()
        .then((current) => describeCaptureTarget(current.type === 'normal' ? current.id : undefined))
        .then((found) => live && mine === asked && setTarget(found ?? null))
        .catch(() => undefined);
    };
    const onTabUpdated = (_tabId: number, change: { title?: string; url?: string; status?: string }) => {
      if (change.title !== undefined || change.url !== undefined || change.status !== undefined) refresh();
    };
    const events = [
      browser.windows.onFocusChanged,
      browser.windows.onRemoved,
      browser.tabs.onActivated,
      browser.tabs.onRemoved,
    ] as const;
    refresh();
    events.forEach((event) => event.addListener(refresh));
    browser.tabs.onUpdated.addListener(onTabUpdated);
    // The background remembers focus a moment after the browser reports it: read it again then.
    const unwatchWindows = windowFocusLog.watch(refresh);
    const unwatchPanel = panelFocusLog.watch(refresh);
    return () => {
      live = false;
      events.forEach((event) => event.removeListener(refresh));
      browser.tabs.onUpdated.removeListener(onTabUpdated);
      unwatchWindows();
      unwatchPanel();
    };
  }, []);
  return target;
}

/**
 * Clicking the side panel focuses the browser window it belongs to, as if the persona had gone
 * back to that window: the panel says when it got and lost focus, so that the capture target
 * stays where the persona is (see personaFocusOrder). A panel in a window of its own needs not.
 */
function useReportPanelFocus(): void {
  useEffect(() => {
    let windowId: number | undefined;
    const report = (kind: 'focus' | 'blur') => () => {
      if (windowId !== undefined) void rememberPanelFocus(windowId, kind).catch(() => undefined);
    };
    const onFocus = report('focus');
    const onBlur = report('blur');
    void browser.windows
      .getCurrent()
      .then((current) => {
        if (current.type === 'normal') windowId = current.id;
      })
      .catch(() => undefined);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
}
