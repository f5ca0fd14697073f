/**
 * Keeps rounds moving: delivers as soon as a round starts, comes back when a retry is due or
 * sending hours open, and on start-up resumes whatever a stopped process left. One delivery pass
 * per round at a time; a kick during a pass makes it run once more afterwards.
 */
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

export class RoundRunner {
  private readonly passes = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: DeliverDeps,
    private readonly log: RunnerLog,
    private readonly options: DeliverOptions & {
      pollMs: number;
      /** Makes the rounds the plans' cadences call for (see ensureScheduledRounds). */
      scheduleRounds?: () => Promise<unknown>;
    } = { ...DEFAULT_DELIVER_OPTIONS, pollMs: 60_000 },
  ) {}

  /** Resumes every running round, and looks again every pollMs (a safety net for lost timers). */
  async start(): Promise<void> {
    await this.resumeAll();
    this.poll = setInterval(() => void this.resumeAll(), this.options.pollMs);
    this.poll.unref();
  }

  kick(roundId: string): void {
    if (this.stopped) return;
    if (this.passes.has(roundId)) {
      this.again.add(roundId);
      return;
    }
    clearTimeout(this.timers.get(roundId));
    this.timers.delete(roundId);
    const pass = this.pass(roundId).finally(() => {
      this.passes.delete(roundId);
      if (this.again.delete(roundId)) this.kick(roundId);
    });
    this.passes.set(roundId, pass);
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
  }

  private async resumeAll(): Promise<void> {
    try {
      await this.options.scheduleRounds?.();
      for (const round of await this.deps.rounds.runningRounds()) this.kick(round.id);
    } catch (error) {
      this.log.error({ err: error }, 'could not look for reminder rounds to run; trying again at the next poll');
    }
  }

  private async pass(roundId: string): Promise<void> {
    let outcome: DeliverOutcome;
    try {
      outcome = await deliverDue(this.deps, roundId, { ...this.options, shouldStop: () => this.stopped });
    } catch (error) {
      this.log.error({ err: error, roundId }, 'a reminder round pass failed; it is tried again at the next poll');
      return;
    }
    if (outcome.sent || outcome.unreachable || outcome.retrying)
      this.log.info({ roundId, ...outcome }, 'reminder round pass');
    if (outcome.nextAt && !this.stopped) {
      const wait = Math.max(250, outcome.nextAt.getTime() - this.deps.clock.now().getTime());
      const timer = setTimeout(() => this.kick(roundId), Math.min(wait, this.options.pollMs));
      timer.unref();
      this.timers.set(roundId, timer);
    }
  }
}
