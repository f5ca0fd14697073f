/**
 * A worker thread that reads uploaded files, one at a time (see worker-parser.ts): it gets a
 * file and the coordinator's facts and choices, posts progress while it reads, and posts the
 * parsed plan or the error, as plain data. It runs with a heap limit and is terminated when a
 * file passes its deadline, so no file can freeze or exhaust the service.
 */
import { parentPort } from 'node:worker_threads';
import { parsePlanFile } from './plan-file-reader';
import { serialiseError } from './worker-errors';
import type { WorkerJob, WorkerReply } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', (job: WorkerJob) => {
  const options = {
    ...(job.facts ? { facts: job.facts } : {}),
    ...(job.choices ? { choices: job.choices } : {}),
    onProgress: (progress: { page: number; pages: number }) => reply({ id: job.id, type: 'progress', progress }),
  };
  parsePlanFile(job.fileName, Buffer.from(job.content), options).then(
    (result) => reply({ id: job.id, type: 'done', result }),
    (error: unknown) => {
      const serialised = serialiseError(error);
      const detail = serialised.name === 'unexpected' ? describe(error) : undefined;
      reply({ id: job.id, type: 'failed', error: serialised, ...(detail ? { detail } : {}) });
    },
  );
});

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
