/**
 * POST /api/messages as Teams calls it, with nothing of HTTP in it: the server hands over the
 * Authorization header (checked before the body is read) and then the parsed body; this answers with
 * the status and body Teams expects. Each turn runs as the activity's tenant, so a card can reach only
 * that tenant's plans; with tenant isolation on, an activity naming no tenant sees none.
 */
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';
import { inTenantScope } from '../../app/tenant-scope';
import { tenantOf } from './activity-tenant';
import type { TiltakCloudAdapter } from './cloud-adapter';

export interface BotReply {
  status: number;
  body?: unknown;
}

export interface BotEndpoint {
  /** False in local development: every activity is taken, so only this machine's own may come in. */
  readonly authenticationOn: boolean;
  /**
   * Whether the header alone lets the request in: 'refused' answers 401, 'unavailable' (Bot
   * Framework's signing keys cannot be fetched) 503, before anything is read.
   */
  checkHeader(authorization: string): Promise<'accepted' | 'refused' | 'unavailable'>;
  process(authorization: string, body: unknown, requestId: string): Promise<BotReply>;
}

export function createBotEndpoint(deps: {
  adapter: TiltakCloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Plans are kept apart per tenant (a deployment for several tenants). */
  tenantScoped: boolean;
}): BotEndpoint {
  const { adapter, bot, logger } = deps;
  return {
    authenticationOn: adapter.authenticationOn,
    checkHeader: async (authorization) => {
      try {
        await adapter.authenticateHeader(authorization);
        return 'accepted';
      } catch (error) {
        if (isOutage(error)) {
          logger.error({ err: error }, 'Bot Framework authentication is unavailable (its keys could not be read)');
          return 'unavailable';
        }
        logger.warn({ reason: (error as Error).message }, 'refused a Bot Framework token on its header');
        return 'refused';
      }
    },

    process: async (authorization, body, requestId) => {
      if (!isActivity(body)) return { status: 400, body: { error: 'bad_request' } };
      const log = logger.child({ requestId, activityId: body.id, activityType: body.type });
      let authenticated;
      try {
        authenticated = await adapter.authenticate(body, authorization);
      } catch (error) {
        if (isOutage(error)) {
          log.error({ err: error }, 'Bot Framework authentication is unavailable (its keys could not be read)');
          return { status: 503, body: { error: 'unavailable' } };
        }
        log.warn({ reason: (error as Error).message }, 'rejected an activity that failed authentication');
        return { status: 401, body: { error: 'unauthorized' } };
      }
      try {
        const invokeResponse = await adapter.run(authenticated, body, (context) =>
          inTenantScope(deps.tenantScoped ? (tenantOf(context.activity) ?? '') : undefined, () => bot.run(context)),
        );
        return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
      } catch (error) {
        log.error({ err: error }, 'the bot failed on an activity');
        return { status: 500, body: { error: 'internal_error' } };
      }
    },
  };
}

/**
 * Bot Framework's OpenID metadata or keys could not be read: botbuilder says so with an
 * AuthenticationError carrying 500 when they answer badly, and lets node-fetch's FetchError through
 * when they cannot be reached at all.
 */
function isOutage(error: unknown): boolean {
  const { statusCode, name } = (error ?? {}) as { statusCode?: unknown; name?: unknown };
  return (typeof statusCode === 'number' && statusCode >= 500) || name === 'FetchError';
}

function isActivity(body: unknown): body is Activity {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}
