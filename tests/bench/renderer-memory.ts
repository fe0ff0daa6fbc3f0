// Peak resident memory of Chromium's extension renderer processes (the dashboard, the side panel),
// sampled from `ps` every 100 ms: unlike the JS heap, it counts the images, array buffers and
// canvases an export holds. Linux only; elsewhere it reports nothing.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function extensionRendererRss(): Promise<number | undefined> {
  if (process.platform !== 'linux') return undefined;
  const { stdout } = await run('ps', ['-eo', 'rss=,args='], { maxBuffer: 16 * 1024 * 1024 });
  let kilobytes = 0;
  for (const line of stdout.split('\n')) {
    if (!line.includes('--type=renderer') || !line.includes('--extension-process')) continue;
    kilobytes += Number(line.trim().split(/\s+/, 1)[0]) || 0;
  }
  return kilobytes * 1024;
}

export class RendererMemorySampler {
  private peak = 0;
  private before = 0;
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  static async start(): Promise<RendererMemorySampler> {
    const sampler = new RendererMemorySampler();
    sampler.before = (await extensionRendererRss()) ?? 0;
    sampler.loop = sampler.sample();
    return sampler;
  }

  private async sample() {
    while (this.running) {
      const rss = await extensionRendererRss().catch(() => undefined);
      if (rss === undefined) return;
      this.peak = Math.max(this.peak, rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resident bytes before, and the highest seen while it ran (0 where `ps` cannot tell). */
  async stop(): Promise<{ before: number; peak: number }> {
    this.running = false;
    await this.loop;
    return { before: this.before, peak: this.peak };
  }
}
