/**
 * Keeps rounds moving: delivers as soon as a round starts, comes back when a retry is due or
 * sending hours open, and on start-up resumes whatever a stopped process left. One delivery pass
 * per round at a time in this process; a kick during a pass makes it run once more afterwards.
 *
 * Kicks go through the work queue. With a shared queue, any instance may take a round's job, and a
 * pass with more due than it takes at once asks for help: the job it puts back is for another
 * instance (this one hands it back while its own pass runs), and the delivery log's claims keep
 * every delivery to one sender. Retries and the poll stay local: each instance looks after itself.
 */
import type { JobOutcome, RoundJob, WorkQueue } from './ports';
import {
  deliverDue,
  DEFAULT_DELIVER_OPTIONS,
  type DeliverDeps,
  type DeliverOptions,
  type DeliverOutcome,
} from './deliver-round';

export interface RunnerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** How often an instance busy with a round hands its job back before keeping it itself. */
const MAX_HAND_BACKS = 20;

export class RoundRunner {
  private readonly passes = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: DeliverDeps,
    private readonly log: RunnerLog,
    private readonly queue: WorkQueue,
    private readonly options: DeliverOptions & {
      pollMs: number;
      /** Makes the rounds the plans' cadences call for (see ensureScheduledRounds). */
      scheduleRounds?: () => Promise<unknown>;
    } = { ...DEFAULT_DELIVER_OPTIONS, pollMs: 60_000 },
  ) {}

  /** Resumes every running round, and looks again every pollMs (a safety net for lost timers). */
  async start(): Promise<void> {
    this.queue.consume((job, receivedBefore) => this.take(job, receivedBefore));
    await this.resumeAll();
    this.poll = setInterval(() => void this.resumeAll(), this.options.pollMs);
    this.poll.unref();
  }

  /** Something changed in the round (started, nudged, resumed, moved): whoever is free runs it. */
  kick(roundId: string): void {
    if (this.stopped) return;
    this.queue.enqueue({ roundId }).catch((error: unknown) => {
      // The change is stored; the poll (here or in another instance) finds the round anyway.
      this.log.error({ err: error, roundId }, 'could not queue a reminder round; the next poll runs it');
    });
  }

  private async take(job: RoundJob, receivedBefore: number): Promise<JobOutcome> {
    if (this.stopped) return this.queue.shared ? 'hand-back' : 'done';
    const running = this.passes.get(job.roundId);
    if (running && this.queue.shared && receivedBefore < MAX_HAND_BACKS) return 'hand-back';
    await this.run(job.roundId);
    return 'done';
  }

  /** A pass over the round in this process, or one more after the one running. */
  private run(roundId: string): Promise<void> {
    const running = this.passes.get(roundId);
    if (running) {
      this.again.add(roundId);
      return running;
    }
    clearTimeout(this.timers.get(roundId));
    this.timers.delete(roundId);
    const pass = this.pass(roundId).finally(() => {
      this.passes.delete(roundId);
      if (this.again.delete(roundId) && !this.stopped) void this.run(roundId);
    });
    this.passes.set(roundId, pass);
    return pass;
  }

  /** Resolves when no pass is running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.passes.size > 0) await Promise.all(this.passes.values());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const timer of this.timers.values()) clearTimeout(timer);
    await this.idle();
    await this.queue.close();
  }

  private async resumeAll(): Promise<void> {
    try {
      await this.options.scheduleRounds?.();
      for (const round of await this.deps.rounds.runningRounds()) void this.run(round.id);
    } catch (error) {
      this.log.error({ err: error }, 'could not look for reminder rounds to run; trying again at the next poll');
    }
  }

  private async pass(roundId: string): Promise<void> {
    let outcome: DeliverOutcome;
    try {
      outcome = await deliverDue(this.deps, roundId, {
        ...this.options,
        shouldStop: () => this.stopped,
        ...(this.queue.shared ? { onBacklog: () => this.kick(roundId) } : {}),
      });
    } catch (error) {
      this.log.error({ err: error, roundId }, 'a reminder round pass failed; it is tried again at the next poll');
      return;
    }
    if (outcome.halted)
      this.log.error(
        { roundId, detail: outcome.halted },
        'Teams (or Graph, installing the app) refused our credentials (401): the round is paused. Check MicrosoftAppId and its password or identity (and GRAPH_*), then resume the round in the tab',
      );
    else if (outcome.sent || outcome.unreachable || outcome.retrying)
      this.log.info({ roundId, ...outcome }, 'reminder round pass');
    if (outcome.nextAt && !this.stopped) {
      const wait = Math.max(250, outcome.nextAt.getTime() - this.deps.clock.now().getTime());
      const timer = setTimeout(() => void this.run(roundId), Math.min(wait, this.options.pollMs));
      timer.unref();
      this.timers.set(roundId, timer);
    }
  }
}
