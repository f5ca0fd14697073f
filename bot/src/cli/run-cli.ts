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
