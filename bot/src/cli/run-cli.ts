import pino from 'pino';
import type { Config } from '../config';
import { openStore, type Store } from '../storage';

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

/** The configured store for a command: warnings and errors to stderr, the outbox left out. */
export async function openCliStore(config: Config): Promise<Store> {
  return openStore(config.storage, pino({ level: 'warn' }, pino.destination(2)), { outbox: false });
}
