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
  /** Whether the header alone lets the request in: false answers 401 before anything is read. */
  acceptsHeader(authorization: string): Promise<boolean>;
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
    acceptsHeader: async (authorization) => {
      try {
        await adapter.authenticateHeader(authorization);
        return true;
      } catch (error) {
        logger.warn({ reason: (error as Error).message }, 'refused a Bot Framework token on its header');
        return false;
      }
    },

    process: async (authorization, body, requestId) => {
      if (!isActivity(body)) return { status: 400, body: { error: 'bad_request' } };
      const log = logger.child({ requestId, activityId: body.id, activityType: body.type });
      let authenticated;
      try {
        authenticated = await adapter.authenticate(body, authorization);
      } catch (error) {
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

function isActivity(body: unknown): body is Activity {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}
