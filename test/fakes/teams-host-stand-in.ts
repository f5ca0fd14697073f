/**
 * A stand-in for the Teams client around a tab, for browser tests (the Agents Playground has no
 * meetings). A page served as https://teams.microsoft.com (an origin teams-js trusts and the tab's
 * frame-ancestors allows; Playwright answers for it, nothing leaves the machine) frames the tab and
 * answers teams-js's postMessage protocol as the host does: requests come as
 * `{ id, uuidAsString, func, args }` and are answered with `{ id, uuidAsString, args }`.
 *
 * It is as strict as Teams: it answers only its own frame, and refuses what the frame context does
 * not allow (the stage calls outside the side panel and the stage, with teams-js's error 501),
 * a share by someone who may not share (error 1000) and a page outside the app's valid domains
 * (error 4000). Every call, refusal and shared address is recorded for the test to read.
 */
import type { Page } from 'playwright-core';

export interface TeamsHostOptions {
  /** The tab's address, as the manifest's contentUrl (or the shared stage URL) gives it. */
  tabUrl: string;
  frameContext: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
  /** The frame's size: the side panel is some 300 px wide. */
  width?: number;
  height?: number;
  /** A meeting (its side panel, stage or chat); none for a channel tab. */
  meetingId?: string;
  /** Whether this person may share to the stage (organiser or presenter, app with the permission). */
  mayShare?: boolean;
}

export interface HostRecord {
  /** Every request the tab made, by function name. */
  calls: string[];
  /** What was refused, and why. */
  refused: { func: string; errorCode: number }[];
  /** The addresses the tab asked to put on the stage, in order. */
  shared: string[];
  /** What the configuration page saved for the tab (pages.config.setConfig), in order. */
  settings: { entityId?: string; contentUrl?: string; websiteUrl?: string; suggestedDisplayName?: string }[];
  /** How the configuration page answered the Save button. */
  saveOutcome?: 'success' | 'failure';
}

export const TEAMS_ORIGIN = 'https://teams.microsoft.com';
const HOST_PATH = '/_tiltak-test-host/';

/** Opens the stand-in in `page` with the tab framed in it; resolves once the frame is attached. */
export async function openInTeamsHost(page: Page, options: TeamsHostOptions): Promise<void> {
  // The tab runs on this machine (the test's service): Chromium lets a public page frame a local
  // address only with the local-network-access permission, as a person would grant it.
  await page.context().grantPermissions(['local-network-access'], { origin: TEAMS_ORIGIN });
  await page.route(`${TEAMS_ORIGIN}${HOST_PATH}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(options) }),
  );
  await page.goto(`${TEAMS_ORIGIN}${HOST_PATH}${encodeURIComponent(options.frameContext)}`);
  await page.locator('iframe#tab').waitFor({ state: 'attached' });
}

/** Presses Teams' Save button under a configuration page (frame context settings). */
export async function pressSave(page: Page): Promise<void> {
  await page.evaluate('window.teamsHostPressSave()');
}

export async function hostRecord(page: Page): Promise<HostRecord> {
  return (await page.evaluate('window.teamsHost')) as HostRecord;
}

function hostPage(options: TeamsHostOptions): string {
  const config = {
    tabUrl: options.tabUrl,
    frameContext: options.frameContext,
    locale: options.locale ?? 'nb-NO',
    theme: options.theme ?? 'default',
    meetingId: options.meetingId,
    mayShare: options.mayShare ?? true,
  };
  const width = options.width ?? 1280;
  const height = options.height ?? 900;
  // The host's script is plain JavaScript run in the page: the tests are compiled without the DOM's types.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams host stand-in</title>
<style>body { margin: 0 } iframe { border: 0; display: block }</style></head>
<body><iframe id="tab" title="Tiltak" width="${width}" height="${height}"></iframe>
<script>
(() => {
  const config = ${JSON.stringify(config).replace(/</g, '\\u003c')};
  const tabOrigin = new URL(config.tabUrl).origin;
  const frame = document.getElementById('tab');
  const record = { calls: [], refused: [], shared: [], settings: [] };
  window.teamsHost = record;
  // Teams' Save button: an event for the page's save handler (no id: it is not an answer).
  window.teamsHostPressSave = () =>
    frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, tabOrigin);

  // teams-js ErrorCode values.
  const NOT_SUPPORTED_IN_CURRENT_CONTEXT = 501;
  const PERMISSION_DENIED = 1000;
  const INVALID_ARGUMENTS = 4000;
  const MEETING_CONTEXTS = ['sidePanel', 'meetingStage'];
  const ALL_CONTEXTS = ['content', 'settings', 'sidePanel', 'meetingStage', 'task', 'remove', 'authentication'];
  /** Which frame contexts may make each call, as teams-js documents them. */
  const ALLOWED = {
    initialize: ALL_CONTEXTS,
    getContext: ALL_CONTEXTS,
    'authentication.getAuthToken': ALL_CONTEXTS,
    'appInitialization.appLoaded': ALL_CONTEXTS,
    'appInitialization.success': ALL_CONTEXTS,
    'appInitialization.failure': ALL_CONTEXTS,
    'appInitialization.expectedFailure': ALL_CONTEXTS,
    registerHandler: ALL_CONTEXTS,
    'meeting.getAppContentStageSharingCapabilities': MEETING_CONTEXTS,
    'meeting.shareAppContentToStage': MEETING_CONTEXTS,
    'meeting.getAppContentStageSharingState': MEETING_CONTEXTS,
    'settings.setValidityState': ['settings'],
    'settings.setSettings': ['content', 'settings', 'sidePanel'],
    'settings.save.success': ['settings'],
    'settings.save.failure': ['settings'],
  };
  const runtime = {
    apiVersion: 4,
    supports: { app: {}, appInitialization: {}, meeting: {}, pages: { config: {}, tabs: {} }, teamsCore: {} },
  };
  const context = {
    locale: config.locale,
    theme: config.theme,
    frameContext: config.frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'stand-in-session',
    entityId: 'plan',
    userObjectId: '00000000-0000-0000-0000-0000000000aa',
    tid: '00000000-0000-0000-0000-0000000000bb',
    ...(config.meetingId
      ? { meetingId: config.meetingId, chatId: '19:meeting_' + config.meetingId + '@thread.v2' }
      : {}),
  };

  window.addEventListener('message', (event) => {
    // Only the tab's own frame, from the tab's origin, is answered.
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    const { func, args } = message;
    record.calls.push(func);
    const reply = (answer) =>
      frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args: answer }, tabOrigin);
    const refuse = (errorCode, text) => {
      record.refused.push({ func, errorCode });
      reply([{ errorCode, message: text }, null]);
    };
    const allowed = ALLOWED[func];
    if (!allowed) return refuse(NOT_SUPPORTED_IN_CURRENT_CONTEXT, func + ' is not supported by this host');
    if (!allowed.includes(config.frameContext))
      return refuse(NOT_SUPPORTED_IN_CURRENT_CONTEXT, func + ' is not allowed in ' + config.frameContext);
    switch (func) {
      case 'initialize':
        return reply([config.frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
      case 'getContext':
        return reply([context]);
      case 'authentication.getAuthToken':
        return reply([true, 'stand-in-sso-token']);
      case 'meeting.getAppContentStageSharingCapabilities':
        if (!config.meetingId) return refuse(NOT_SUPPORTED_IN_CURRENT_CONTEXT, 'not in a meeting');
        return reply([null, { doesAppHaveSharePermission: config.mayShare }]);
      case 'meeting.getAppContentStageSharingState':
        return reply([null, { isAppSharing: record.shared.length > 0 }]);
      case 'meeting.shareAppContentToStage': {
        if (!config.meetingId) return refuse(NOT_SUPPORTED_IN_CURRENT_CONTEXT, 'not in a meeting');
        if (!config.mayShare) return refuse(PERMISSION_DENIED, 'App does not have permission to share to stage');
        let url;
        try {
          url = new URL(args && args[0]);
        } catch {
          return refuse(INVALID_ARGUMENTS, 'appContentUrl is not a URL');
        }
        // Teams opens on the stage only pages of the app's valid domains.
        if (url.origin !== tabOrigin) return refuse(INVALID_ARGUMENTS, 'appContentUrl is not in validDomains');
        record.shared.push(url.href);
        return reply([null, true]);
      }
      case 'settings.setSettings': {
        const saved = args && args[0];
        if (!saved || !saved.contentUrl || new URL(saved.contentUrl).origin !== tabOrigin)
          return refuse(INVALID_ARGUMENTS, 'contentUrl is not in validDomains');
        record.settings.push(saved);
        return reply([true]);
      }
      case 'settings.save.success':
        record.saveOutcome = 'success';
        return;
      case 'settings.save.failure':
        record.saveOutcome = 'failure';
        return;
      default:
        // One-way notices (app loaded, success, handlers registered): nothing to answer.
        return;
    }
  });
  frame.src = config.tabUrl;
})();
</script></body></html>`;
}
