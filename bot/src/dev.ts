/**
 * `npm run dev`: the service on the embedded store plus the Microsoft 365 Agents Playground talking
 * to it, offline. Open the Playground, write "status", answer the card, then look at the tab.
 */
import pino from 'pino';
import { loadConfigOrExit } from './config';
import { startPlayground } from './dev/playground';
import { startService } from './service';

const PLAYGROUND_PORT = 56150;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.bot.appId) {
    console.error(
      'npm run dev talks to the Agents Playground, which sends no Bot Framework token: unset MicrosoftAppId.',
    );
    process.exit(2);
  }
  const logger = pino({ level: config.logLevel });
  const service = await startService(config, logger);
  const playground = await startPlayground(`${service.url}/api/messages`, {
    cwd: process.cwd(),
    port: PLAYGROUND_PORT,
  });
  console.log(
    [
      '',
      `  Agents Playground (chat with the bot): ${playground.url}`,
      `    You are Alex Wilber, "Fagleder digitalisering" in Høylandet (bot/demo/directory.json).`,
      '    Write "status" (or "mine tiltak", "hjelp") and answer the card.',
      `  Tab (goal table):                      ${service.url}/tab/`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    Promise.all([playground.stop(), service.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Tiltak dev failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
