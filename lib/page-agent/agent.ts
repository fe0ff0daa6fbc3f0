import { browser, type Browser } from 'wxt/browser';
import { backgroundToAgent, type PreparedPage } from '../messaging/protocol';
import { afterNextPaint, coverFields, type MaskLayer } from './masks';

/**
 * The page agent: answers the background's capture messages. Only messages from our own
 * extension are heard; the page itself cannot reach this listener.
 */
export function startPageAgent(signal: AbortSignal): void {
  let masks: MaskLayer | undefined;

  const listener = async (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = backgroundToAgent.safeParse(message);
    if (!parsed.success) return undefined;
    if (parsed.data.type === 'restore-after-capture') {
      masks?.remove();
      masks = undefined;
      return { ok: true };
    }
    masks?.remove();
    masks = coverFields(document, parsed.data.masking);
    await afterNextPaint(window);
    const reply: PreparedPage = {
      ok: true,
      url: location.href,
      title: document.title,
      devicePixelRatio: window.devicePixelRatio,
      maskedFields: masks.count,
    };
    return reply;
  };

  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(listener);
    masks?.remove();
  });
}
