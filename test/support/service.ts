/** Starts the real service for a test, on a free loopback port with a fresh database file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { loadConfig } from '../../bot/src/config';
import { startService, type RunningService, type ServiceOptions } from '../../bot/src/service';
import type { ConnectorStandIn } from '../fakes/connector-stand-in';
import { ROOT } from './demo';

export interface TestService extends RunningService {
  databasePath: string;
}

/** Tests send bursts no person would; the real limits are tested on their own. */
const NO_RATE_LIMITS = { botEndpoint: { burst: 100_000, rate: 100_000 }, tabApi: { burst: 100_000, rate: 100_000 } };

export async function startTestService(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
  /** Where the service logs (default: silent, or TEST_LOG_LEVEL). */
  logger: Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
): Promise<TestService> {
  const databasePath = env.DATABASE_PATH ?? join(mkdtempSync(join(tmpdir(), 'tiltak-test-')), 'tiltak.db');
  // Rounds start only when a test starts them: what a test sees must not depend on today's date.
  const config = loadConfig(
    { PORT: '0', LOG_LEVEL: 'silent', DATABASE_PATH: databasePath, SCHEDULED_ROUNDS: 'false', ...env },
    ROOT,
  );
  const service = await startService(config, logger, { rateLimits: NO_RATE_LIMITS, ...options });
  return { ...service, databasePath };
}

/**
 * How the service reaches the Bot Connector stand-in with the bot's tokens, as it reaches Teams:
 * proactive cards (connectorToken) and replies through botbuilder (its credentials factory). In
 * local development (no MicrosoftAppId) the bot takes activities without a JWT, so the factory
 * says authentication is off for what comes in, and still signs what goes out.
 */
export function talkingTo(
  connector: ConnectorStandIn,
  options: { appId?: string; authSettings?: NonNullable<ServiceOptions['botAdapter']>['authSettings'] } = {},
): Pick<ServiceOptions, 'connectorToken' | 'botAdapter'> {
  return {
    connectorToken: () => connector.token(),
    botAdapter: {
      ...(options.authSettings ? { authSettings: options.authSettings } : {}),
      credentialsFactory: connector.tokens.credentialsFactory({
        ...(options.appId ? { appId: options.appId } : {}),
        authenticationDisabled: !options.appId,
      }),
    },
  };
}
