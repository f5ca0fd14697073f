/**
 * Teams activity feed notifications as Graph serves them
 * (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification): POST
 * /users/{id}/teamwork/sendActivityNotification → 204 No Content. Part of the Graph stand-in, as
 * strict as the documentation:
 * - permission: the application permission TeamsActivity.Send, or the resource-specific
 *   TeamsActivity.Send.User, which an app holds for a user when its Teams app declares it
 *   (authorization.permissions.resourceSpecific) and is installed for them; otherwise 403;
 * - the Teams app must be installed for the recipient ("404 … not installed"), the user known;
 * - the body: `topic` with `source` 'entityUrl' or 'text' and a `value`; with 'text' a `webUrl`
 *   that is a Teams deep link; `activityType` declared in the manifest's activities (or the
 *   reserved systemDefault); `previewText.content`; a `templateParameters` entry for every
 *   {parameter} of the type's templateText but {actor}; else 400 BadRequest;
 * - 5 requests per second per app per tenant, then 429 with Retry-After.
 */
import type { Reply } from './graph-replies';
import { graphError } from './graph-replies';
import type { GraphClaims } from './graph-tokens';
import type { TeamsAppInstallations } from './teams-app-installations';

export interface Notification {
  userId: string;
  activityType: string;
  topic: { source: string; value: string; webUrl?: string };
  previewText: string;
  templateParameters: Record<string, string>;
  /** The line Teams shows: the type's templateText filled in, {actor} being the app's name. */
  shown: string;
}

/** What Teams puts for {actor} when an app sends the notification: the app's short name. */
export const ACTOR = 'Tiltak';

interface Body {
  topic?: { source?: unknown; value?: unknown; webUrl?: unknown };
  activityType?: unknown;
  previewText?: { content?: unknown };
  templateParameters?: unknown;
}

const DEEP_LINK = 'https://teams.microsoft.com/l/';

export class ActivityFeed {
  /** The manifest's activity types: type → templateText. */
  readonly activityTypes = new Map<string, string>();
  /** Notifications delivered, in order. */
  readonly delivered: Notification[] = [];
  /** Every request: user and status answered. */
  readonly requests: { userId: string; status: number }[] = [];
  /** "5 requests per second per app per tenant". */
  perSecond = 5;
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly apps: TeamsAppInstallations,
    private readonly now: () => number = Date.now,
  ) {}

  /** Declares the activity types of a manifest (its `activities.activityTypes`). */
  declare(manifest: { activities?: { activityTypes?: { type: string; templateText: string }[] } }): void {
    for (const a of manifest.activities?.activityTypes ?? []) this.activityTypes.set(a.type, a.templateText);
  }

  route(method: string, path: string, body: unknown, caller: GraphClaims): Reply | undefined {
    const match = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path);
    if (!match) return undefined;
    const userId = decodeURIComponent(match[1] ?? '');
    const reply = this.send(method, userId, (body ?? {}) as Body, caller);
    this.requests.push({ userId, status: reply.status });
    return reply;
  }

  private send(method: string, userId: string, body: Body, caller: GraphClaims): Reply {
    if (method !== 'POST') return graphError(405, 'MethodNotAllowed', 'The method is not allowed.');
    const throttled = this.throttle(`${caller.appId}|${caller.tenantId}`);
    if (throttled) return throttled;
    const tenantWide = caller.roles.includes('TeamsActivity.Send');
    const ours = [...this.apps.catalog].filter(([, app]) => app.webApplicationInfoId === caller.appId);
    const rsc = ours.filter(([, app]) => app.resourceSpecific?.includes('TeamsActivity.Send.User'));
    if (!tenantWide && rsc.length === 0)
      return graphError(
        403,
        'Forbidden',
        'Missing role permissions on the request. API requires one of TeamsActivity.Send, TeamsActivity.Send.User.',
      );
    // Graph answers for the token's tenant's directory only (teams-app-installations.ts: tenantOf).
    const tenant = this.apps.tenantOf.get(userId) ?? caller.tenantId;
    if (!this.apps.users.has(userId) || tenant !== caller.tenantId)
      return graphError(404, 'NotFound', `User ${userId} not found.`);
    const installed = this.apps.installed.get(userId) ?? new Set<string>();
    if (!(tenantWide ? ours : rsc).some(([id]) => installed.has(id)))
      return graphError(404, 'NotFound', 'The Teams app is not installed for the recipient.');
    const invalid = this.invalid(body);
    if (invalid) return graphError(400, 'BadRequest', invalid);
    const topic = body.topic as Notification['topic'];
    const parameters: Record<string, string> = Object.fromEntries(
      (body.templateParameters as { name: string; value: string }[]).map((p) => [p.name, p.value]),
    );
    const template = this.activityTypes.get(body.activityType as string) ?? '{systemDefaultText}';
    this.delivered.push({
      userId,
      activityType: body.activityType as string,
      topic: { source: topic.source, value: topic.value, ...(topic.webUrl ? { webUrl: topic.webUrl } : {}) },
      previewText: body.previewText?.content as string,
      templateParameters: parameters,
      shown: template.replace(/\{(\w+)\}/g, (_all, name: string) =>
        name === 'actor' ? ACTOR : (parameters[name] ?? ''),
      ),
    });
    return { status: 204 };
  }

  /** What is wrong with the body, as Graph says it; undefined when nothing is. */
  private invalid(body: Body): string | undefined {
    const topic = body.topic;
    if (!topic || (topic.source !== 'entityUrl' && topic.source !== 'text'))
      return "topic.source must be 'entityUrl' or 'text'.";
    if (typeof topic.value !== 'string' || !topic.value) return 'topic.value is required.';
    if (topic.source === 'text' && (typeof topic.webUrl !== 'string' || !topic.webUrl.startsWith(DEEP_LINK)))
      return 'topic.webUrl is required with source text and must be a Teams deep link.';
    if (typeof body.activityType !== 'string') return 'activityType is required.';
    const template =
      body.activityType === 'systemDefault' ? '{systemDefaultText}' : this.activityTypes.get(body.activityType);
    if (template === undefined) return `Activity type '${body.activityType}' is not declared in the app manifest.`;
    if (typeof body.previewText?.content !== 'string') return 'previewText.content is required.';
    const params = body.templateParameters ?? [];
    if (
      !Array.isArray(params) ||
      params.some(
        (p: { name?: unknown; value?: unknown }) => typeof p?.name !== 'string' || typeof p?.value !== 'string',
      )
    )
      return 'templateParameters must be a list of name and value.';
    const given = new Set((params as { name: string }[]).map((p) => p.name));
    const needed = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').filter((n) => n !== 'actor');
    const missing = needed.filter((n) => !given.has(n));
    return missing.length ? `templateParameters lacks ${missing.join(', ')}, which the templateText names.` : undefined;
  }

  private throttle(key: string): Reply | undefined {
    const now = this.now();
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - 1000);
    this.recent.set(key, times);
    if (times.length >= this.perSecond) {
      const wait = Math.max(1, Math.ceil(((times[0] ?? now) + 1000 - now) / 1000));
      return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(wait) });
    }
    times.push(now);
    return undefined;
  }
}
