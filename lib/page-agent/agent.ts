import { browser, type Browser } from 'wxt/browser';
import { backgroundToAgent, type PreparedPage } from '../messaging/protocol';
import { afterNextPaint, coverFields, type MaskLayer, type ShadowRootOf } from './masks';

/** Masks come off by themselves if the background never says the capture is over. */
const MASK_TIMEOUT_MS = 5000;

/**
 * The page agent: answers the background's capture messages. Only messages from our own
 * extension are heard; the page itself cannot reach this listener.
 */
export function startPageAgent(signal: AbortSignal): void {
  let masks: MaskLayer | undefined;
  let expiry: number | undefined;
  const unmask = () => {
    masks?.remove();
    masks = undefined;
    window.clearTimeout(expiry);
  };

  const listener = async (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = backgroundToAgent.safeParse(message);
    if (!parsed.success) return undefined;
    unmask();
    if (parsed.data.type === 'restore-after-capture') return { ok: true };

    masks = coverFields(document, parsed.data.masking, shadowRootOf);
    expiry = window.setTimeout(unmask, MASK_TIMEOUT_MS);
    await afterNextPaint(window);
    if (!masks.intact()) {
      unmask();
      return { ok: false, reason: 'The page removed Touchtrail’s masks before the capture.' };
    }
    const reply: PreparedPage = {
      ok: true,
      url: location.href.slice(0, 8_000),
      title: document.title.slice(0, 2_000),
      devicePixelRatio: window.devicePixelRatio,
      maskedFields: masks.count,
    };
    return reply;
  };

  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(listener);
    unmask();
  });
}

/** Chrome lets extensions reach closed shadow roots too; elsewhere only open ones are seen. */
const shadowRootOf: ShadowRootOf = (element) => {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowRootOf } } }).chrome?.dom;
  return dom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
};
