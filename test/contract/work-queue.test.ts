/**
 * The work queues: in-process (the default) and Azure Storage Queues (several instances), the
 * latter against Azurite with short leases, so leases running out and being renewed are seen.
 */
import { randomUUID } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { StorageQueueWorkQueue } from '../../bot/src/adapters/azure-storage/storage-queue';
import { InProcessWorkQueue } from '../../bot/src/adapters/in-process/in-process-work-queue';
import type { JobOutcome, RoundJob } from '../../bot/src/app/ports';
import { startAzurite, type Azurite } from '../support/azurite';
import { waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in-process work queue', () => {
  it('hands a job to the consumer as it is enqueued, and keeps jobs enqueued before anyone consumes', async () => {
    const queue = new InProcessWorkQueue();
    const seen: string[] = [];
    await queue.enqueue({ roundId: 'early' });
    queue.consume(async (job) => {
      seen.push(job.roundId);
      return 'done';
    });
    expect(seen).toEqual(['early']);
    await queue.enqueue({ roundId: 'now' });
    expect(seen).toEqual(['early', 'now']); // taken before enqueue returned
    await queue.close();
    await queue.enqueue({ roundId: 'after close' });
    expect(seen).toEqual(['early', 'now']);
  });

  it('waits on close for the jobs being handled', async () => {
    const queue = new InProcessWorkQueue();
    let finished = false;
    queue.consume(async () => {
      await sleep(200);
      finished = true;
      return 'done';
    });
    await queue.enqueue({ roundId: 'r' });
    await queue.close();
    expect(finished).toBe(true);
  });
});

describe('Azure Storage work queue (Azurite)', () => {
  let azurite: Azurite;
  const opened: StorageQueueWorkQueue[] = [];
  const errors: string[] = [];
  const log = { warn: () => undefined, error: (_: object, message: string) => void errors.push(message) };

  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    errors.length = 0;
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  async function instances(count: number, options: { leaseMs?: number; maxReceives?: number } = {}) {
    const name = `work-${randomUUID().slice(0, 8)}`;
    const made: StorageQueueWorkQueue[] = [];
    for (let i = 0; i < count; i++) {
      const queue = await StorageQueueWorkQueue.open(new QueueClient(azurite.connectionString, name), {
        slots: 4,
        leaseMs: options.leaseMs ?? 10_000,
        idleMs: 100,
        maxReceives: options.maxReceives ?? 50,
        log,
      });
      made.push(queue);
      opened.push(queue);
    }
    return { queues: made, client: new QueueClient(azurite.connectionString, name) };
  }

  async function queueLength(client: QueueClient): Promise<number> {
    return (await client.getProperties()).approximateMessagesCount ?? -1;
  }

  it('gives each job to one instance, shares the jobs between instances, and deletes what is done', async () => {
    const { queues, client } = await instances(2);
    const handledBy = new Map<string, number[]>();
    queues.forEach((queue, i) =>
      queue.consume(async (job) => {
        handledBy.set(job.roundId, [...(handledBy.get(job.roundId) ?? []), i]);
        await sleep(100);
        return 'done';
      }),
    );
    for (let j = 0; j < 40; j++) await queues[0]!.enqueue({ roundId: `round-${j}` });
    await waitFor(() => handledBy.size === 40, 20_000);
    await sleep(500); // a job handled twice would show by now
    expect([...handledBy.values()].every((who) => who.length === 1)).toBe(true);
    const perInstance = [0, 1].map((i) => [...handledBy.values()].filter((who) => who[0] === i).length);
    expect(perInstance.every((n) => n > 0)).toBe(true);
    expect(await queueLength(client)).toBe(0);
  });

  it('keeps a long job hidden by renewing its lease, and gives it back at once when handed back', async () => {
    const { queues } = await instances(2, { leaseMs: 2_000 });
    const receipts: { instance: number; before: number }[] = [];
    let release: (outcome: JobOutcome) => void = () => undefined;
    const firstDone = new Promise<JobOutcome>((resolve) => (release = resolve));
    queues.forEach((queue, instance) =>
      queue.consume(async (_job: RoundJob, before) => {
        receipts.push({ instance, before });
        return receipts.length === 1 ? firstDone : 'done';
      }),
    );
    await queues[0]!.enqueue({ roundId: 'long' });
    await waitFor(() => receipts.length === 1, 20_000);
    await sleep(5_000); // two and a half leases
    expect(receipts).toHaveLength(1);
    release('hand-back');
    await waitFor(() => receipts.length === 2, 3_000);
    expect(receipts[1]?.before).toBe(1);
    await sleep(500);
    expect(receipts).toHaveLength(2);
  });

  it('brings a job back after its lease when the instance handling it failed', async () => {
    const { queues } = await instances(1, { leaseMs: 1_000 });
    const receipts: number[] = [];
    queues[0]!.consume(async (_job, before) => {
      receipts.push(before);
      if (before === 0) throw new Error('the instance fell over');
      return 'done';
    });
    await queues[0]!.enqueue({ roundId: 'fails once' });
    await waitFor(() => receipts.length === 2, 10_000);
    expect(receipts).toEqual([0, 1]);
    expect(errors).toContain('a work queue job failed; it comes back after its lease');
  });

  it('drops what is not a job, and a job received too often, saying so', async () => {
    const { queues, client } = await instances(1, { maxReceives: 3 });
    let receipts = 0;
    queues[0]!.consume(async () => {
      receipts++;
      return 'hand-back';
    });
    await client.sendMessage('not json');
    await queues[0]!.enqueue({ roundId: 'handed back forever' });
    await waitFor(() => errors.length === 2, 15_000);
    expect(errors.sort()).toEqual([
      'a work queue job kept failing and is dropped',
      'a work queue message is not a job and is dropped',
    ]);
    expect(receipts).toBe(3);
    expect(await queueLength(client)).toBe(0);
  });
});
