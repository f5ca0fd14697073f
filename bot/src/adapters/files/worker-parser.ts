/**
 * Reads uploaded files in worker threads, off the event loop: each worker has a heap limit
 * (resourceLimits) and each file a deadline — a worker that passes it is terminated — so a hostile
 * file costs one worker, not the service: `/healthz` and everyone else's requests keep being
 * answered. Up to POOL_SIZE workers are kept warm between files (starting one costs more than
 * reading most plans); more files than that wait their turn, which also bounds the CPU imports
 * take. The worker's entry is the compiled parse-worker.js next to this file in the built
 * service; from the sources (the CLI under tsx, the tests under Jest) it is parse-worker.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportLimitError, PARSE_DEADLINE_MS, PARSE_HEAP_MB } from './limits';
import type { ParsedImport, ReadOptions } from './plan-file-reader';
import { deserialiseError } from './worker-errors';
import type { WorkerJob, WorkerReply } from './worker-protocol';

export interface WorkerLimits {
  deadlineMs: number;
  heapMb: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { deadlineMs: PARSE_DEADLINE_MS, heapMb: PARSE_HEAP_MB };
const POOL_SIZE = 2;

/** Where an unexpected failure of the reader is told (the service's log); never the person. */
export type ReadFailureLog = (detail: string) => void;

interface Job {
  message: WorkerJob;
  options: ReadOptions;
  limits: WorkerLimits;
  log: ReadFailureLog;
  resolve: (result: ParsedImport) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  heapMb: number;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const idle: PoolWorker[] = [];
const busy = new Set<PoolWorker>();
const waiting: Job[] = [];
let nextId = 1;

export function parsePlanFileInWorker(
  fileName: string,
  content: Buffer,
  options: ReadOptions = {},
  limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
  log: ReadFailureLog = () => undefined,
): Promise<ParsedImport> {
  return new Promise<ParsedImport>((resolve, reject) => {
    const message: WorkerJob = {
      id: nextId++,
      fileName,
      content: new Uint8Array(content),
      ...(options.facts ? { facts: options.facts } : {}),
      ...(options.choices ? { choices: options.choices } : {}),
    };
    waiting.push({ message, options, limits, log, resolve, reject });
    dispatch();
  });
}

function dispatch(): void {
  while (waiting.length > 0) {
    const next = waiting[0] as Job;
    const slot = idle.findIndex((w) => w.heapMb === next.limits.heapMb);
    if (slot < 0 && busy.size + idle.length >= POOL_SIZE && idle.length > 0) {
      void idle.shift()?.worker.terminate(); // an idle worker with another heap limit makes room
    }
    if (slot < 0 && busy.size + idle.length >= POOL_SIZE) return;
    const pooled = slot >= 0 ? (idle.splice(slot, 1)[0] as PoolWorker) : spawn(next.limits.heapMb);
    waiting.shift();
    run(pooled, next);
  }
}

function run(pooled: PoolWorker, job: Job): void {
  busy.add(pooled);
  pooled.job = job;
  pooled.worker.ref();
  pooled.timer = setTimeout(() => {
    retire(pooled);
    job.reject(new ImportLimitError('time', job.limits.deadlineMs / 1000));
  }, job.limits.deadlineMs);
  pooled.worker.postMessage(job.message);
}

/** The worker answered its job: it goes back to the pool for the next file. */
function release(pooled: PoolWorker): void {
  clearTimeout(pooled.timer);
  pooled.job = undefined;
  busy.delete(pooled);
  pooled.worker.unref();
  idle.push(pooled);
  dispatch();
}

/** The worker is done for (deadline passed, heap exhausted, crashed): terminated, never reused. */
function retire(pooled: PoolWorker): void {
  clearTimeout(pooled.timer);
  pooled.job = undefined;
  busy.delete(pooled);
  const i = idle.indexOf(pooled);
  if (i >= 0) idle.splice(i, 1);
  void pooled.worker.terminate();
  dispatch();
}

function spawn(heapMb: number): PoolWorker {
  const entry = workerEntry();
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  const pooled: PoolWorker = { worker, heapMb };
  worker.on('message', (reply: WorkerReply) => {
    const job = pooled.job;
    if (!job || reply.id !== job.message.id) return;
    if (reply.type === 'progress') return job.options.onProgress?.(reply.progress);
    release(pooled);
    if (reply.type === 'done') job.resolve(reply.result);
    else {
      if (reply.detail) job.log(reply.detail);
      job.reject(deserialiseError(reply.error));
    }
  });
  worker.on('error', (error: Error & { code?: string }) => {
    const job = pooled.job;
    retire(pooled);
    if (!job) return;
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return job.reject(new ImportLimitError('memory', heapMb));
    job.log(`${error.name}: ${error.message}`);
    job.reject(deserialiseError({ name: 'unexpected' }));
  });
  worker.on('exit', (code) => {
    const job = pooled.job;
    retire(pooled);
    if (!job) return;
    job.log(`The parse worker stopped with exit code ${code} before it answered`);
    job.reject(new ImportLimitError('memory', heapMb));
  });
  worker.unref();
  return pooled;
}

/**
 * The built service runs the compiled worker. From the sources, a worker does not inherit the
 * loader of its parent (tsx, or Jest's transform), so a short script registers tsx's CommonJS
 * hook in the worker and then loads the TypeScript entry.
 */
function workerEntry(): { code: string; eval: boolean } {
  const compiled = join(__dirname, 'parse-worker.js');
  if (existsSync(compiled)) return { code: compiled, eval: false };
  const source = JSON.stringify(join(__dirname, 'parse-worker.ts'));
  return { code: `require('tsx/cjs/api').register(); require(${source});`, eval: true };
}
