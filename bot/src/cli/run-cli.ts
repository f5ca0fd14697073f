import pino from 'pino';
import type { SubstituteStore } from '../app/ports';
import type { Config } from '../config';
import { BACKGROUND_RETRY } from '../adapters/http/retry-policy';
import { openRoundState, openStore, type Store } from '../storage';
import { sayWaiting } from './graph-for-command';

/** Runs a command-line entry point: its result is the exit code; an unexpected error is printed whole. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`Uventet feil: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}

/**
 * The configured store for a command: warnings and errors to stderr, the outbox left out, and
 * Graph waited for as long as SharePoint asks, saying so (an erasure must not stop half-way).
 */
export async function openCliStore(config: Config): Promise<Store> {
  return openStore(config.storage, cliLogger(), {
    outbox: false,
    graph: { retry: BACKGROUND_RETRY, onWait: sayWaiting },
  });
}

/** Substitutes as the service keeps them: in the store, or shared by instances (WORK_QUEUE=azure-storage). */
export async function openCliSubstitutes(config: Config, store: Store): Promise<SubstituteStore> {
  if (config.workQueue.kind === 'in-process') return store.substitutes;
  const { queue, shared } = await openRoundState(config.workQueue, cliLogger());
  await queue.close(); // never consumed: nothing to wait for
  return shared?.substitutes ?? store.substitutes;
}

function cliLogger() {
  return pino({ level: 'warn' }, pino.destination(2));
}
