import { browser } from 'wxt/browser';

let asked: Promise<number | undefined> | undefined;

/**
 * The window this side panel is in, which the background captures from (undefined in a window
 * that is not a normal one). Asked once and kept: a panel never changes windows, and the capture
 * button should not wait for the browser's answer on every click.
 */
export function panelWindowId(): Promise<number | undefined> {
  asked ??= browser.windows.getCurrent().then(
    (current) => (current.type === 'normal' ? current.id : undefined),
    (error: unknown) => {
      asked = undefined; // asked again next time
      throw error;
    },
  );
  return asked;
}
