/**
 * The keyboard shortcuts each build suggests to the browser (wxt.config.ts). Firefox gives
 * Alt+Shift+letter to web pages' access keys (accesskey="t"), so it gets Ctrl+Alt (Ctrl+Option
 * on a Mac, where Cmd+Alt+K is Firefox's web console). The researcher may change them; pages
 * show the shortcut as set (commands.getAll), messages from the background the suggested one.
 */
export const SUGGESTED_KEYS = {
  chrome: { capture: 'Alt+Shift+T', pick: 'Alt+Shift+P' },
  firefox: { capture: 'Ctrl+Alt+K', pick: 'Ctrl+Alt+P' },
} as const;

/** This build's suggested keys. */
export const suggestedKeys = () => (import.meta.env.FIREFOX ? SUGGESTED_KEYS.firefox : SUGGESTED_KEYS.chrome);
