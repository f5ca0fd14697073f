/**
 * Links that bring a person from outside the tab (an e-mail, an activity notification, a card) to
 * their own measures in it. One home, so the manifest's tab, the tab's view names and every sender
 * agree on the address.
 *
 * Two forms: the web address of the tab itself (works in any browser, where the tab signs in with
 * Entra ID), and a Teams deep link to the app's personal tab, which Teams opens inside the client
 * with the web address as fallback. Teams' deep link to a tab:
 * https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context={"subEntityId":…}
 * (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */

/** The personal tab "Mine tiltak" in the manifest (staticTabs[].entityId). */
export const MY_MEASURES_ENTITY_ID = 'my-measures';
/** The tab's view (URL parameter `show`) that lists the person's own measures. */
export const MY_MEASURES_VIEW = 'mine';

export interface TabLinkBase {
  /** The public origin the tab is served from. */
  tabBaseUrl: string;
  /** The manifest's app id; without it only the web address can be given. */
  teamsAppId?: string;
}

/** The tab's own address for a person's measures in a plan (and period, if given). */
export function myMeasuresWebUrl(base: TabLinkBase, planId: string, periodId?: string): string {
  const url = new URL('/tab/', base.tabBaseUrl);
  url.searchParams.set('show', MY_MEASURES_VIEW);
  url.searchParams.set('plan', planId);
  if (periodId) url.searchParams.set('period', periodId);
  return url.toString();
}

/**
 * The link to open: inside Teams when the app id is known (the personal tab, told the plan through
 * `subEntityId`, which the tab reads as `page.subPageId`), else the web address.
 */
export function myMeasuresLink(base: TabLinkBase, planId: string, label: string, periodId?: string): string {
  const webUrl = myMeasuresWebUrl(base, planId, periodId);
  if (!base.teamsAppId) return webUrl;
  const link = new URL(
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(base.teamsAppId)}/${MY_MEASURES_ENTITY_ID}`,
  );
  link.searchParams.set('webUrl', webUrl);
  link.searchParams.set('label', label);
  link.searchParams.set('context', JSON.stringify({ subEntityId: planId }));
  return link.toString();
}
