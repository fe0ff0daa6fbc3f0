import { startPageAgent } from '@/lib/page-agent/agent';

// Registered at run time (see lib/capture/page-agent.ts) once the researcher grants site
// access, or injected into one tab for a capture through activeTab: never in the manifest.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Injecting into a tab that already has the agent must not start a second one.
    const marker = globalThis as { touchtrailAgentStarted?: boolean };
    if (marker.touchtrailAgentStarted) return;
    marker.touchtrailAgentStarted = true;
    const controller = new AbortController();
    ctx.onInvalidated(() => {
      controller.abort();
      // A fresh copy injected after an extension update must be able to start.
      marker.touchtrailAgentStarted = false;
    });
    startPageAgent(controller.signal, () => ctx.isInvalid);
  },
});
