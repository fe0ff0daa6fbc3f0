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
  // Injecting into a tab that already has a live agent must not start a second one. An agent
  // left by an extension reload or update (its API is gone) gives way to this fresh copy.
  if (world.touchtrailAgentStop && !orphaned()) return;
  world.touchtrailAgentStop?.();
  const controller = new AbortController();
  const stop = () => controller.abort();
  world.touchtrailAgentStop = stop;
  controller.signal.addEventListener('abort', () => {
    if (world.touchtrailAgentStop === stop) delete world.touchtrailAgentStop;
  });
  startPageAgent(controller.signal, () => {
    if (orphaned()) stop();
    return controller.signal.aborted;
  });
});

/** After the extension is reloaded or updated under a page, its API in the old agent is gone. */
function orphaned(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}
