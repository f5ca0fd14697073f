/**
 * The reminders' other ways, built from the configuration (part of the composition root): the
 * Teams activity feed (TEAMS_APP_ID with the app installed for people) and e-mail from the
 * municipality's mailbox (MAIL_SENDER_ADDRESS). Each has its own ceiling, so its own limiter.
 */
import type { Logger } from 'pino';
import type { ActivityNotifier, ReminderMailer } from './app/ports';
import type { Config } from './config';
import { GraphMailer, MAIL_LIMITS } from './adapters/mail/graph-mailer';
import type { FetchFunction } from './adapters/sharepoint/graph-http';
import { ActivityFeedNotifier } from './adapters/teams/activity-feed-notifier';
import { RateLimiter } from './adapters/teams/rate-limiter';
import type { TenantLimiters } from './adapters/teams/tenant-limiters';
import { graphPerTenant } from './adapters/sharepoint/tenant-graphs';
import { graphFor } from './storage';

/**
 * A few quick retries inside the call; a longer wait (Graph's Retry-After) goes back to the round,
 * which tries the delivery again then without holding a sender.
 */
const IN_CALL_RETRY = { maxAttempts: 3, maxWaitMs: 5_000 };

export function reminderChannelsFor(
  config: Config,
  logger: Logger,
  limiters: TenantLimiters,
  graphFetch?: FetchFunction,
): { activity?: ActivityNotifier; mailer?: ReminderMailer } {
  const activity = config.teams.activity;
  const mail = config.reminders.mail;
  return {
    ...(activity
      ? {
          activity: new ActivityFeedNotifier({
            graph: graphPerTenant(activity.graph, (graph) =>
              graphFor(graph, logger, graphFetch, { retry: IN_CALL_RETRY }),
            ),
            limiter: limiters,
            links: { ...config.links, teamsAppId: activity.teamsAppId },
            logger,
          }),
        }
      : {}),
    ...(mail
      ? {
          mailer: new GraphMailer({
            graph: graphFor(mail.graph, logger, graphFetch, { retry: IN_CALL_RETRY }),
            sender: mail.sender,
            limiter: new RateLimiter(MAIL_LIMITS),
            links: config.links,
            logger,
          }),
        }
      : {}),
  };
}
