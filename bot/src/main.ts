/** `npm start`: the service, configured from the environment (the embedded store by default). */
import { loadConfigOrExit } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Telemetry first: its instrumentations patch http and pino as they load, so both load after it.
  const telemetry = config.applicationInsights
    ? (await import('./adapters/telemetry/application-insights')).startTelemetry(
        config.applicationInsights.connectionString,
      )
    : undefined;
  const { default: pino } = await import('pino');
  const { startService } = await import('./service');
  const logger = pino({ level: config.logLevel });
  const service = await startService(config, logger);
  process.stdout.write(`\nTiltak is running: tab ${service.url}/tab/ · bot endpoint ${service.url}/api/messages\n\n`);
  const stop = (): void => {
    service
      .close()
      .then(() => telemetry?.stop())
      .then(
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
