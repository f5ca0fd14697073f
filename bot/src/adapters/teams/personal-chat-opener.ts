/**
 * Reaches someone the bot has never talked to, the way Microsoft documents proactive installation:
 * install the app in the person's personal scope through Graph (POST /users/{id}/teamwork/
 * installedApps, permission TeamsAppInstallation.ReadWriteSelfForUser.All: this app only, that is
 * the Teams app whose manifest's webApplicationInfo.id is the Entra app calling Graph — config.ts
 * checks that at start), then create the 1:1 conversation through the Bot Connector (tenant id in
 * channelData; the connector's answers are judged as for any send, connector-errors.ts).
 *
 * Graph answers 409 when the app is already there, which is as good as installing it. 403 means a
 * Teams app policy keeps the app from the person: the coordinator is told. 401 is our credentials.
 *
 * Both go as the person's tenant: Graph with that tenant's token (tenant-graphs.ts), the chat
 * created in that tenant (a person of the home tenant carries no tenant id: the home tenant).
 */
import type { Logger } from 'pino';
import type { ChatOpener, OpenChatResult } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import type { AppInstallSettings } from '../../config';
import { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError, type FetchFunction } from '../sharepoint/graph-http';
import type { GraphForTenant } from '../sharepoint/tenant-graphs';
import { serviceBase, unanswered, undelivered } from './connector-errors';
import { limiterOf, type SendLimits } from './tenant-limiters';

export interface PersonalChatOpenerOptions {
  settings: AppInstallSettings;
  /** Graph as the person's tenant: a home-tenant token cannot reach another tenant's users. */
  graph: GraphForTenant;
  /** Creating a chat counts against the person's tenant's limits, as sending does. */
  limiter: SendLimits;
  logger: Logger;
  /** A Bot Framework token for the connector. */
  getToken?: () => Promise<string>;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

type Installed = 'installed' | 'already-installed';

export class PersonalChatOpener implements ChatOpener {
  constructor(private readonly options: PersonalChatOpenerOptions) {}

  async openChat(person: Person): Promise<OpenChatResult> {
    const installed = await this.install(person);
    if (typeof installed !== 'string') return installed;
    return this.createConversation(person, installed);
  }

  private async install(person: Person): Promise<Installed | Exclude<OpenChatResult, { kind: 'opened' }>> {
    const { graph, settings } = this.options;
    try {
      await graph(person.tenantId).post(`/users/${encodeURIComponent(person.userId)}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `${settings.graph.graphBaseUrl}/v1.0/appCatalogs/teamsApps/${settings.catalogAppId}`,
      });
      this.options.logger.info({ userId: person.userId }, 'installed the app for a person who had not opened it');
      return 'installed';
    } catch (error) {
      if (error instanceof GraphThrottledError)
        return { kind: 'retry', afterMs: error.retryAfterMs, detail: 'graph 429' };
      if (!(error instanceof GraphRequestError)) return unanswered(error);
      const detail = `graph ${error.status} ${error.code}`;
      if (error.status === 409) return 'already-installed';
      // Graph documents "201 Created" with no body; a client that could not read an empty body still got it.
      if (error.status >= 200 && error.status < 300) return 'installed';
      if (GRAPH_TRANSIENT.has(error.status)) return { kind: 'retry', detail };
      this.options.logger.warn(
        { userId: person.userId, status: error.status, code: error.code },
        'could not install the app',
      );
      if (error.status === 401) return { kind: 'misconfigured', detail };
      if (error.status === 404) return { kind: 'unreachable', reason: 'not-found', detail };
      return { kind: 'unreachable', reason: 'install-refused', detail };
    }
  }

  private async createConversation(person: Person, installed: Installed): Promise<OpenChatResult> {
    const { settings } = this.options;
    // A person of the home tenant carries no tenant id (HomeTenantDirectory).
    const tenantId = person.tenantId ?? settings.tenantId;
    const limiter = limiterOf(this.options.limiter, tenantId);
    await limiter.acquire(`new-chat:${person.userId}`);
    const serviceUrl = serviceBase(settings.serviceUrl);
    let response: Response;
    try {
      const token = await this.options.getToken?.();
      response = await (this.options.fetch ?? fetch)(`${serviceUrl}v3/conversations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({
          isGroup: false,
          bot: { id: `28:${settings.botId}` },
          members: [{ id: person.userId }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      return unanswered(error);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      const id = conversationIdOf(text);
      if (id) return { kind: 'opened', target: { userId: person.userId, tenantId, serviceUrl, conversationId: id } };
      // Created, but the answer that names the chat did not come whole. Creating a 1:1 chat again
      // gives the same chat, and no card went out yet: asking again is safe.
      this.options.logger.warn({ userId: person.userId, status: response.status }, 'a new chat came without its id');
      return { kind: 'retry', detail: `${response.status} no conversation id` };
    }
    const result = undelivered(response, text);
    if (result.kind === 'retry' && response.status === 429) limiter.pause(result.afterMs ?? 1000);
    // Right after an installation Teams may not know the bot is there yet: try again later. Next
    // time Graph says "already installed", and the same answer then means it will not work.
    if (result.kind === 'unreachable' && installed === 'installed' && response.status === 403)
      return { kind: 'retry', detail: result.detail ?? '' };
    if (result.kind !== 'retry')
      this.options.logger.warn({ userId: person.userId, status: response.status }, 'could not open a chat');
    return result;
  }
}

function conversationIdOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}
