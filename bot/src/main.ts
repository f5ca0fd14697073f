/** `npm start`: the service on the embedded store, configured from the environment. */
import pino from 'pino';
import { loadConfigOrExit } from './config';
import { startService } from './service';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = pino({ level: config.logLevel });
  const service = await startService(config, logger);
  process.stdout.write(`\nTiltak is running: tab ${service.url}/tab/ · bot endpoint ${service.url}/api/messages\n\n`);
  const stop = (): void => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Tiltak failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
