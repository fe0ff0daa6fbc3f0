import { browser, type Browser } from 'wxt/browser';
import type { AgentToBackground, BackgroundToAgent, MasksRemoved, PreparedPage } from '../messaging/protocol';
import { RECORDING_STATE_KEY, parseRecordingState, type RecordingState } from '../extension-storage/recording-state';
import { describeElement } from './descriptor';
import { parseBackgroundMessage } from './incoming';
import { afterNextPaint, coverPage, createTally, type MaskLayer } from './masks';
import { observePage } from './observer';
import { createOverlay } from './overlay';
import { beginOwnChanges, markOwnRestyle, setPicking } from './own-changes';
import { pageTools, type PageTools, type PageToolsKit } from './page-tools-contract';
import type { Picker } from './picker';
import { extensionShadowRootOf as shadowRootOf } from './shadow-roots';

/** Masks come off by themselves if the background never says the capture is over. */
const MASK_TIMEOUT_MS = 5000;
/** How long "Preview masks" shows them. */
export const MASK_PREVIEW_MS = 4000;
/** What the page tools use of the agent's own (page-tools-contract.ts). */
const TOOLS_KIT: PageToolsKit = {
  afterNextPaint,
  coverPage,
  createTally,
  createOverlay,
  beginOwnChanges,
  markOwnRestyle,
  setPicking,
};
/** The background injects the page tools before it asks for a pick or a full page: they were not. */
const NO_TOOLS = { ok: false, reason: 'The page tools are not in this page.' } as const;

/**
 * The page agent: answers the background's messages (capture, pick) and, while a journey
 * records, observes the page. Only messages from our own extension are heard; the page itself
 * cannot reach this listener.
 */
export function startPageAgent(signal: AbortSignal, orphaned: () => boolean): void {
  let masks: MaskLayer | undefined;
  let expiry: number | undefined;
  let preview: MaskLayer | undefined;
  let picker: Picker | undefined;
  let contextTarget: Element | undefined;
  let tools: PageTools | undefined;
  const toolsInPage = () => (tools ??= pageTools(TOOLS_KIT));

  const report = (message: AgentToBackground) => {
    // After the extension is reloaded or updated under this page its API is gone: asking
    // `orphaned` stops this agent (every listener comes off) instead of throwing into the page.
    if (orphaned()) return;
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  const unmask = () => {
    masks?.remove();
    masks = undefined;
    window.clearTimeout(expiry);
  };
  const endPreview = () => {
    preview?.remove();
    preview = undefined;
  };
  const pick = () => {
    const picking = toolsInPage();
    if (!picking) return NO_TOOLS;
    picker?.cancel();
    picker = picking.startPicker(
      (element) => report({ type: 'element-picked', element }),
      () => undefined,
    );
    return { ok: true };
  };

  const prepare = async (message: Extract<BackgroundToAgent, { type: 'prepare-capture' }>) => {
    masks = coverPage(document, {
      maskAll: message.masking,
      study: message.study,
      shadowRootOf,
      highlight: message.highlight,
      allowList: message.allowList,
    });
    expiry = window.setTimeout(unmask, MASK_TIMEOUT_MS);
    await afterNextPaint(window);
    if (!masks.intact()) {
      unmask();
      const refusal: MasksRemoved = { ok: false, reason: 'masks-removed' };
      return refusal;
    }
    const reply: PreparedPage = {
      ok: true,
      url: location.href.slice(0, 8_000),
      title: document.title.slice(0, 2_000),
      devicePixelRatio: window.devicePixelRatio,
      viewportWidth: window.innerWidth,
      masked: masks.counts,
      maskPoints: masks.samplePoints,
    };
    return reply;
  };

  const answer = async (request: BackgroundToAgent) => {
    switch (request.type) {
      case 'full-page-begin':
      case 'full-page-frame':
      case 'full-page-check':
      case 'full-page-end':
        // The tools hold the full-page capture under way; it begins on a page without masks.
        if (request.type === 'full-page-begin') {
          endPreview();
          unmask();
        }
        return toolsInPage()?.fullPage.answer(request) ?? NO_TOOLS;
      case 'prepare-capture':
        unmask();
        endPreview();
        return prepare(request);
      case 'show-mask-preview': {
        endPreview();
        const shown = coverPage(document, {
          maskAll: request.masking,
          study: request.study,
          shadowRootOf,
          allowList: request.allowList,
        });
        preview = shown;
        window.setTimeout(() => shown === preview && endPreview(), MASK_PREVIEW_MS);
        return { ok: true, masked: shown.counts };
      }
      case 'restore-after-capture': {
        // Whether the masks were still in place until now, so over the screenshot just taken:
        // an agent in a page that replaced the masked one (a navigation) has none to report.
        const stillMasked = masks?.intact() ?? false;
        unmask();
        return { ok: true, stillMasked };
      }
      case 'agent-ping':
        return { ok: true };
      case 'start-pick':
        return pick();
      case 'pick-context-target':
        // Without the element (the agent came after the menu opened), the researcher picks it.
        if (!contextTarget?.isConnected) return pick();
        report({ type: 'element-picked', element: describeElement(contextTarget) });
        return { ok: true };
    }
  };

  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ) => {
    if (sender.id !== browser.runtime.id) return false;
    const parsed = parseBackgroundMessage(message);
    if (!parsed) return false;
    // The agent runs without webextension-polyfill (wxt.config.ts): a listener cannot return a
    // promise in Chrome, so the reply goes through sendResponse, which every browser supports.
    answer(parsed).then(sendResponse, () => sendResponse(undefined));
    return true;
  };

  const onContextMenu = (event: MouseEvent) => {
    const target = event.composedPath()[0];
    if (event.isTrusted && target instanceof Element) contextTarget = target;
  };

  browser.runtime.onMessage.addListener(listener);
  const stopWatching = followRecordingState(signal, report, (recording) => {
    if (recording) window.addEventListener('contextmenu', onContextMenu, { capture: true, passive: true });
    else window.removeEventListener('contextmenu', onContextMenu, { capture: true });
  });
  signal.addEventListener('abort', () => {
    withExtensionApi(() => browser.runtime.onMessage.removeListener(listener));
    stopWatching();
    picker?.cancel();
    tools?.fullPage.end();
    unmask();
    endPreview();
  });
}

/** Observes the page exactly while a journey records. */
function followRecordingState(
  signal: AbortSignal,
  report: (message: AgentToBackground) => void,
  onRecordingChange: (recording: boolean) => void,
): () => void {
  let stopObserving: (() => void) | undefined;
  let observing: RecordingState | undefined;
  let firstLook = true;
  const apply = (state: unknown) => {
    const wanted = parseRecordingState(state) ?? undefined;
    const freshPage = firstLook;
    firstLook = false;
    if (JSON.stringify(wanted) === JSON.stringify(observing)) return;
    stopObserving?.();
    stopObserving = undefined;
    observing = wanted;
    if (wanted && !signal.aborted) {
      const { autoRecord, thresholds } = wanted;
      stopObserving = observePage(report, { autoRecord, freshPage, thresholds });
    }
    onRecordingChange(Boolean(stopObserving));
  };
  const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'local' && RECORDING_STATE_KEY in changes) apply(changes[RECORDING_STATE_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  browser.storage.local
    .get(RECORDING_STATE_KEY)
    .then((stored) => apply(stored[RECORDING_STATE_KEY]))
    .catch(() => undefined);
  return () => {
    withExtensionApi(() => browser.storage.onChanged.removeListener(onChanged));
    apply(null);
  };
}

/** Runs a call on the extension API, which is gone once the extension was reloaded. */
function withExtensionApi(call: () => void) {
  try {
    call();
  } catch {
    // Nothing to unregister from any more.
  }
}
