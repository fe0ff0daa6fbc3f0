import { browser } from 'wxt/browser';
import { startPageAgent } from '@/lib/page-agent/agent';

/** Where a running agent leaves its stop, in the extension's isolated world of the page. */
interface World {
  touchtrailAgentStop?: () => void;
}

// Injected into a tab by the background (lib/capture/page-agent-control.ts), never listed in the
// manifest. An unlisted script rather than a WXT content script: WXT's content-script context
// would add about 0.9 KB gzipped to every page, for the two things the agent needs of it, done here.
export default defineUnlistedScript(() => {
  const world = globalThis as World;
  // Injecting into a tab that already has an agent must not start a second one.
  if (world.touchtrailAgentStop) return;
  const controller = new AbortController();
  const stop = () => controller.abort();
  const orphaned = () => {
    if (extensionGone()) stop();
    return controller.signal.aborted;
  };
  // An agent left in the page by an extension reload or update (in a world of its own, its API
  // gone) stops when a fresh one starts, rather than at its next report. A page that fires this
  // event itself stops nothing: a live agent finds its API there.
  const started = `${browser.runtime.id}:touchtrail-agent-started`;
  document.dispatchEvent(new CustomEvent(started));
  document.addEventListener(started, orphaned);
  world.touchtrailAgentStop = stop;
  controller.signal.addEventListener('abort', () => {
    document.removeEventListener(started, orphaned);
    if (world.touchtrailAgentStop === stop) delete world.touchtrailAgentStop;
  });
  startPageAgent(controller.signal, orphaned);
});

/** After the extension is reloaded or updated under a page, its API in the old agent is gone. */
function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}
