/**
 * The work queue on Azure Storage Queues, read by every instance of the service. A received job is
 * hidden from the others while it is handled (its lease renewed as long as that takes), deleted when
 * done, and made visible again at once when handed back. An instance that stops without finishing
 * leaves the job to come back after the lease: at least once, so the handler must be idempotent
 * (the round runner is: deliveries are claimed in the shared delivery log).
 */
import type { QueueClient } from '@azure/storage-queue';
import type { JobOutcome, RoundJob, WorkQueue } from '../../app/ports';
import { isNotFound } from './tables';

type Handler = (job: RoundJob, receivedBefore: number) => Promise<JobOutcome>;

export interface StorageQueueOptions {
  /** Jobs handled at once by this instance. */
  slots: number;
  /** How long a received job stays hidden; renewed at half time while it is handled. */
  leaseMs: number;
  /** Wait between looks at an empty queue. */
  idleMs: number;
  /** A job received this often is dropped (a handler that keeps failing on it), with an error logged. */
  maxReceives: number;
  log: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  };
}

export const DEFAULT_STORAGE_QUEUE_OPTIONS: Omit<StorageQueueOptions, 'log'> = {
  // A job holds its slot for a whole round pass, which mostly waits on its tenant's Teams limits:
  // rounds of many tenants at once each need a slot of their own to go at their own ceilings.
  slots: 32,
  leaseMs: 60_000,
  idleMs: 1_000,
  maxReceives: 50,
};

interface Received {
  messageId: string;
  popReceipt: string;
  messageText: string;
  dequeueCount: number;
}

export class StorageQueueWorkQueue implements WorkQueue {
  readonly shared = true;
  private readonly handling = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;
  private closed = false;
  private handedBackAt = 0;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: QueueClient,
    private readonly options: StorageQueueOptions,
  ) {}

  /** Creates the queue when it does not exist yet. */
  static async open(client: QueueClient, options: StorageQueueOptions): Promise<StorageQueueWorkQueue> {
    await client.createIfNotExists();
    return new StorageQueueWorkQueue(client, options);
  }

  async enqueue(job: RoundJob): Promise<void> {
    await this.client.sendMessage(JSON.stringify({ roundId: job.roundId }));
  }

  consume(handle: Handler): void {
    this.loop ??= this.receiveLoop(handle);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.handling]);
  }

  private async receiveLoop(handle: Handler): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      // An instance that just handed a job back lets the others look first, so one of them takes it.
      if (Date.now() - this.handedBackAt < this.options.idleMs) await this.pause();
      const free = this.options.slots - this.handling.size;
      if (free <= 0) {
        await Promise.race(this.handling);
        continue;
      }
      let received: Received[] = [];
      try {
        const response = await this.client.receiveMessages({
          numberOfMessages: Math.min(32, free),
          visibilityTimeout: seconds(this.options.leaseMs),
        });
        received = response.receivedMessageItems;
        failures = 0;
      } catch (error) {
        failures++;
        this.options.log.error({ err: error, failures }, 'could not read the work queue; trying again');
      }
      for (const message of received) this.track(this.handleOne(handle, message));
      // Storage down: look less often (up to half a minute), the poll keeps rounds going meanwhile.
      if (received.length === 0 && !this.closed) await this.pause(Math.min(30, 2 ** failures));
    }
  }

  private track(work: Promise<void>): void {
    this.handling.add(work);
    void work.finally(() => this.handling.delete(work));
  }

  private async handleOne(handle: Handler, message: Received): Promise<void> {
    const job = parseJob(message.messageText);
    if (!job || message.dequeueCount > this.options.maxReceives) {
      this.options.log.error(
        { messageId: message.messageId, dequeueCount: message.dequeueCount, text: message.messageText.slice(0, 200) },
        job ? 'a work queue job kept failing and is dropped' : 'a work queue message is not a job and is dropped',
      );
      await this.settle(message.messageId, message.popReceipt, 'done');
      return;
    }
    const lease = new LeaseRenewal(this.client, message, this.options.leaseMs);
    let outcome: JobOutcome | undefined;
    try {
      outcome = await handle(job, message.dequeueCount - 1);
    } catch (error) {
      // Left leased: it comes back when the lease runs out.
      this.options.log.error({ err: error, job }, 'a work queue job failed; it comes back after its lease');
    }
    const popReceipt = await lease.stop();
    if (outcome && popReceipt) await this.settle(message.messageId, popReceipt, outcome);
  }

  private async settle(messageId: string, popReceipt: string, outcome: JobOutcome): Promise<void> {
    try {
      if (outcome === 'done') await this.client.deleteMessage(messageId, popReceipt);
      else {
        await this.client.updateMessage(messageId, popReceipt, undefined, 0);
        this.handedBackAt = Date.now();
      }
    } catch (error) {
      // 404: the lease ran out and another instance holds the job now; it is theirs.
      if (!isNotFound(error)) this.options.log.warn({ err: error, messageId }, 'could not settle a work queue job');
    }
  }

  /** Waits about `times` idle periods (jittered, so instances do not look in step), or until closed. */
  private pause(times = 1): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, times * this.options.idleMs * (0.75 + Math.random() / 2));
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Keeps a received message hidden while it is handled, by renewing its lease at half time. */
class LeaseRenewal {
  private popReceipt: string | undefined;
  private renewing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly client: QueueClient,
    private readonly message: Received,
    leaseMs: number,
  ) {
    this.popReceipt = message.popReceipt;
    this.timer = setInterval(() => {
      this.renewing = this.renew(leaseMs);
    }, leaseMs / 2);
    this.timer.unref();
  }

  /** Stops renewing; the current pop receipt, or undefined when the lease was lost. */
  async stop(): Promise<string | undefined> {
    clearInterval(this.timer);
    await this.renewing;
    return this.popReceipt;
  }

  private async renew(leaseMs: number): Promise<void> {
    if (!this.popReceipt) return;
    try {
      const renewed = await this.client.updateMessage(
        this.message.messageId,
        this.popReceipt,
        undefined,
        seconds(leaseMs),
      );
      this.popReceipt = renewed.popReceipt;
    } catch {
      // Lost (the lease ran out first): another instance may take the job; both are safe to run.
      this.popReceipt = undefined;
    }
  }
}

function parseJob(text: string): RoundJob | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && typeof (value as RoundJob).roundId === 'string')
      return { roundId: (value as RoundJob).roundId };
  } catch {
    // not JSON
  }
  return undefined;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
