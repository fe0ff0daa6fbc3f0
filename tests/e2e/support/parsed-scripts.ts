import type { Page } from '@playwright/test';
import type { ExtensionSession } from './browser';

/**
 * The paths of the scripts a page has parsed, kept up to date (the DevTools protocol reports those
 * parsed before it was asked too): what a page loads at first and what it loads on demand.
 */
export async function parsedScripts(session: ExtensionSession, page: Page) {
  const cdp = await session.context.newCDPSession(page);
  const paths: string[] = [];
  cdp.on('Debugger.scriptParsed', (script) => paths.push(new URL(script.url || 'about:blank').pathname));
  await cdp.send('Debugger.enable');
  return {
    /** The parsed chunks whose file name starts with one of these names, e.g. ['pdf', 'deck']. */
    chunks: (...names: string[]) => paths.filter((path) => names.some((name) => path.startsWith(`/chunks/${name}-`))),
    detach: () => cdp.detach(),
  };
}
