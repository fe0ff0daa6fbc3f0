import { saveAnnotations, type RedactionRenderer } from '../db/annotations';
import type { Annotation } from '../model';

export type SaveState = 'saved' | 'saving' | 'failed';

interface Queue {
  /** The newest annotations not yet saved (kept after a failure, for the retry). */
  waiting?: Annotation[];
  running: boolean;
  state: SaveState;
  error?: unknown;
}

/**
 * One save at a time per touchpoint, always the newest annotations: edits made while a
 * redaction is being redrawn are not lost, never land out of order, and an editor closed and
 * opened again joins the same queue. A failed save stays queued until retried or replaced.
 */
export class AnnotationSaveQueue {
  private readonly queues = new Map<string, Queue>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly render: RedactionRenderer) {}

  save(touchpointId: string, annotations: Annotation[], onError: (error: unknown) => void): void {
    const queue = this.queueOf(touchpointId);
    queue.waiting = annotations;
    void this.run(touchpointId, queue, onError);
  }

  retry(touchpointId: string, onError: (error: unknown) => void): void {
    const queue = this.queueOf(touchpointId);
    if (queue.waiting) void this.run(touchpointId, queue, onError);
  }

  stateOf(touchpointId: string): SaveState {
    return this.queues.get(touchpointId)?.state ?? 'saved';
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private queueOf(touchpointId: string): Queue {
    let queue = this.queues.get(touchpointId);
    if (!queue) this.queues.set(touchpointId, (queue = { running: false, state: 'saved' }));
    return queue;
  }

  private async run(touchpointId: string, queue: Queue, onError: (error: unknown) => void) {
    if (queue.running) return;
    queue.running = true;
    this.set(queue, 'saving');
    while (queue.waiting) {
      const next = queue.waiting;
      try {
        await saveAnnotations(touchpointId, next, this.render);
        if (queue.waiting === next) queue.waiting = undefined;
      } catch (error) {
        queue.running = false;
        this.set(queue, 'failed');
        onError(error);
        return;
      }
    }
    queue.running = false;
    this.set(queue, 'saved');
  }

  private set(queue: Queue, state: SaveState) {
    queue.state = state;
    for (const listener of this.listeners) listener();
  }
}
