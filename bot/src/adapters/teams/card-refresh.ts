/**
 * Universal Actions' refresh on the status cards: when the person opens the chat again, Teams asks
 * the bot (an `adaptiveCard/action` invoke with this verb) for the card as it stands now, so a
 * form answered meanwhile in the tab, by a substitute or on another page, or a period locked since,
 * never shows an old form. Teams refreshes automatically only for the users named in `userIds`,
 * by their MRI, at most 60; the others get a manual "refresh".
 */
import { t, type Language } from '../../i18n';
import type { CardElement } from './card-elements';

export const REFRESH_STATUS_VERB = 'refreshStatus';
/** Teams' ceiling for `refresh.userIds`. */
export const MAX_REFRESH_USERS = 60;

/** How Teams names a user of an organisation in `userIds`: their MRI. */
export const teamsUserMri = (aadObjectId: string): string => `8:orgid:${aadObjectId}`;

export interface StatusRefresh {
  planId: string;
  /** Whose measures the card lists. */
  personId: string;
  periodId: string;
  /** Who sees the card: the person, and their substitute when it went to one. */
  recipients: readonly string[];
  page?: number;
  missingOnly?: boolean;
  /** Typed and not sent (form-drafts.ts): shown again on the refreshed page. */
  draft?: Record<string, string>;
}

export function statusRefresh(lang: Language, refresh: StatusRefresh): CardElement {
  const users = [...new Set(refresh.recipients.filter(Boolean))].slice(0, MAX_REFRESH_USERS);
  return {
    action: {
      type: 'Action.Execute',
      verb: REFRESH_STATUS_VERB,
      title: t(lang, 'card.refresh'),
      data: {
        planId: refresh.planId,
        personId: refresh.personId,
        periodId: refresh.periodId,
        ...(refresh.page ? { page: refresh.page } : {}),
        ...(refresh.missingOnly ? { missingOnly: true } : {}),
        ...(refresh.draft ? { draft: refresh.draft } : {}),
      },
    },
    userIds: users.map(teamsUserMri),
  };
}
