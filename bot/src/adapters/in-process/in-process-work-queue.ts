/**
 * The default work queue: jobs go straight to the handler in this process. Nothing is shared and
 * nothing survives a restart; the round runner's start-up scan and poll pick up what a stopped
 * process left.
 */
import type { JobOutcome, RoundJob, WorkQueue } from '../../app/ports';

type Handler = (job: RoundJob, receivedBefore: number) => Promise<JobOutcome>;

export class InProcessWorkQueue implements WorkQueue {
  readonly shared = false;
  private handler: Handler | undefined;
  private readonly waiting: RoundJob[] = [];
  private readonly handling = new Set<Promise<unknown>>();
  private closed = false;

  async enqueue(job: RoundJob): Promise<void> {
    if (this.closed) return;
    if (this.handler) this.handle(this.handler, job);
    else this.waiting.push(job);
  }

  consume(handle: Handler): void {
    this.handler = handle;
    for (const job of this.waiting.splice(0)) this.handle(handle, job);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.handling]);
  }

  /** Called synchronously, so the handler has taken the job when enqueue returns. */
  private handle(handle: Handler, job: RoundJob): void {
    // The round runner logs its own failures; nothing here could do better than drop the job.
    const running = handle(job, 0).catch(() => 'done' as const);
    this.handling.add(running);
    void running.finally(() => this.handling.delete(running));
  }
}
