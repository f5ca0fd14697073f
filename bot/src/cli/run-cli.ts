import pino from 'pino';
import type { Config } from '../config';
import { openRoundState, openStore, type Store } from '../storage';

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
 * The configured store for a command: warnings and errors to stderr, the outbox left out, and the
 * rounds' state from where the instances share it (WORK_QUEUE=azure-storage).
 */
export async function openCliStore(config: Config): Promise<Store> {
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const store = await openStore(config.storage, logger, { outbox: false });
  const { queue, ...shared } = await openRoundState(config.workQueue, logger);
  return {
    ...store,
    ...shared,
    close: async () => {
      await queue.close();
      await store.close();
    },
  };
}
