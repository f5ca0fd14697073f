/**
 * The real service as a child process for tests that kill it: configured from the environment as
 * `npm start` is, with a clock inside sending hours (a Tuesday 10:00 in Oslo, moving with real time)
 * so the test does not depend on when it runs, and quick reclaiming of deliveries a killed process
 * left behind (STALE_AFTER_MS). TEST_BOT_AUTH_SETTINGS (JSON) points Bot Framework authentication
 * at a local issuer (test/fakes/bot-framework-issuer.ts authSettings()), as the in-process tests do,
 * and the bot's token for the Bot Connector stand-in (TEST_CONNECTOR_TOKEN: the stand-in refuses
 * calls without one, as Teams does).
 */
import pino from 'pino';
import { loadConfig } from '../../bot/src/config';
import { startService } from '../../bot/src/service';

const base = Date.parse('2026-11-24T09:00:00Z');
// Instances started by one test share a clock (TEST_CLOCK_STARTED_AT), as real ones share NTP time.
const started = Number(process.env.TEST_CLOCK_STARTED_AT ?? Date.now());

const connectorToken = process.env.TEST_CONNECTOR_TOKEN;

async function main(): Promise<void> {
  const config = loadConfig();
  const service = await startService(config, pino({ level: config.logLevel }), {
    clock: { now: () => new Date(base + (Date.now() - started)) },
    delivery: { staleAfterMs: Number(process.env.STALE_AFTER_MS ?? 5000), pollMs: 250, concurrency: 32 },
    ...(process.env.TEST_BOT_AUTH_SETTINGS
      ? { botAdapter: { authSettings: JSON.parse(process.env.TEST_BOT_AUTH_SETTINGS) as Record<string, string> } }
      : {}),
    ...(connectorToken ? { connectorToken: async () => connectorToken } : {}),
  });
  process.stdout.write(`listening ${service.url}\n`);
  // As `npm start` does: finish what is claimed, then exit.
  process.once('SIGTERM', () => void service.close().then(() => process.exit(0)));
}

void main();
