/**
 * Reminders in the person's Teams activity feed, as Microsoft documents them
 * (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification): POST
 * /users/{id}/teamwork/sendActivityNotification with
 * - `topic`: source 'text' with a `webUrl` that is a Teams deep link (the person's "Mine tiltak" in
 *   the app's personal tab, domain/tab-links.ts), and the plan's title as its text;
 * - `activityType` declared in the manifest's `activities.activityTypes` (ACTIVITY_TYPE below),
 *   with a `templateParameters` entry for each `{parameter}` its templateText names;
 * - `previewText` in the plan's language (Teams shows the first 150 characters).
 * The manifest's templateText is one language for every tenant and plan, so it holds no words of
 * its own ("{actor}: {reminder}"): the whole line is the plan's language, from bot/src/i18n, as
 * the cards are.
 * Graph answers 204 No Content. Least privilege: the resource-specific permission
 * TeamsActivity.Send.User (manifest authorization.permissions.resourceSpecific), consented with
 * the app's installation for the user; the tenant-wide TeamsActivity.Send also works.
 *
 * Its own ceiling: 5 requests/s per app per tenant, kept by each tenant's 'activity' limiter.
 */
import type { Logger } from 'pino';
import type { ActivityNotifier, Reminder, SendResult } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import { myMeasuresLink, type TabLinkBase } from '../../domain/tab-links';
import { periodLabel, t } from '../../i18n';
import { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError } from '../sharepoint/graph-http';
import type { GraphForTenant } from '../sharepoint/tenant-graphs';
import { unanswered } from './connector-errors';
import { limiterOf, type SendLimits } from './tenant-limiters';

/** The manifest's activity type for a reminder; its templateText names {reminder} (and Teams' {actor}). */
export const ACTIVITY_TYPE = 'statusReminder';

/** Teams shows this much of the preview text. */
const PREVIEW_LIMIT = 150;

export interface ActivityFeedOptions {
  /** Graph as the person's tenant: a home-tenant token cannot reach another tenant's users. */
  graph: GraphForTenant;
  /** Each tenant's own 5/s (TenantLimiters, kind 'activity'), or one limiter in tests. */
  limiter: SendLimits;
  links: TabLinkBase & { teamsAppId: string };
  logger: Logger;
}

export class ActivityFeedNotifier implements ActivityNotifier {
  constructor(private readonly options: ActivityFeedOptions) {}

  async notifyReminder(person: Person, reminder: Reminder): Promise<SendResult> {
    const { plan, periodId } = reminder;
    const lang = plan.language;
    const period = periodLabel(lang, periodId);
    const counts = { missing: reminder.missing.length, total: reminder.total };
    const body = {
      topic: {
        source: 'text',
        value: plan.title,
        webUrl: myMeasuresLink(this.options.links, plan.id, t(lang, 'activity.linkLabel'), periodId),
      },
      activityType: ACTIVITY_TYPE,
      previewText: { content: t(lang, 'activity.preview', { period, ...counts }).slice(0, PREVIEW_LIMIT) },
      templateParameters: [{ name: 'reminder', value: t(lang, 'activity.reminder', { ...counts, plan: plan.title }) }],
    };
    const limiter = limiterOf(this.options.limiter, person.tenantId, 'activity');
    await limiter.acquire(`activity:${person.userId}`);
    try {
      await this.options
        .graph(person.tenantId)
        .post(`/users/${encodeURIComponent(person.userId)}/teamwork/sendActivityNotification`, body);
      return { kind: 'sent' };
    } catch (error) {
      return this.judge(person, error, limiter);
    }
  }

  private judge(person: Person, error: unknown, limiter: { pause(ms: number): void }): SendResult {
    if (error instanceof GraphThrottledError) {
      // The ceiling is the app's in the tenant: every notification there waits, not only this one.
      if (error.status === 429) limiter.pause(error.retryAfterMs);
      return { kind: 'retry', afterMs: error.retryAfterMs, detail: `graph ${error.status}` };
    }
    if (!(error instanceof GraphRequestError)) return unanswered(error);
    // Graph answers with no body (204, 202); a client that could not read an empty body still got it.
    if (error.status >= 200 && error.status < 300) return { kind: 'sent' };
    const detail = `graph ${error.status} ${error.code}`;
    if (GRAPH_TRANSIENT.has(error.status)) return { kind: 'retry', detail };
    this.options.logger.warn(
      { userId: person.userId, status: error.status, code: error.code },
      'could not send an activity feed notification; the reminder goes as a card',
    );
    if (error.status === 401) return { kind: 'misconfigured', detail };
    // 404: the app is not installed for the person (or no such user); the chat path installs it.
    if (error.status === 404) return { kind: 'unreachable', reason: 'not-installed', detail };
    return { kind: 'unreachable', reason: 'refused', detail };
  }
}
