/**
 * Where the tab runs: inside Teams (framed; teams-js gives theme and locale) or in a plain browser
 * (dev mode, or a projector in the meeting room). teams-js is loaded only when framed, so the
 * browser case does not pay for it.
 */
export type HostTheme = 'light' | 'dark' | 'contrast';

/** Where in Teams the tab is (teams-js FrameContexts): a meeting's side panel and stage get views of their own. */
export type FrameContext = 'content' | 'settings' | 'sidePanel' | 'meetingStage' | (string & {});

/** May this person share the app to the meeting's stage here, and if not, why (Teams' own answer). */
export type StageSharing =
  { allowed: true } | { allowed: false; reason: 'permission' | 'unavailable'; detail?: string };

/** A Teams meeting the tab runs in, and the stage it can put a page on for everyone. */
export interface MeetingHost {
  id: string;
  stageSharing(): Promise<StageSharing>;
  /** Puts the page at `url` (one of the app's valid domains) on the meeting's stage. */
  shareToStage(url: string): Promise<void>;
}

export interface Host {
  inTeams: boolean;
  theme: HostTheme;
  locale: string;
  onThemeChange(listener: (theme: HostTheme) => void): void;
  /** Inside Teams: a single sign-on token for the service's API. */
  getAuthToken?: () => Promise<string>;
  /** Inside Teams, opened from a deep link: the plan it names (the link's subEntityId, see tab-links.ts). */
  subPageId?: string;
  /** Inside Teams: where the tab is shown. */
  frameContext?: FrameContext;
  /** Inside a Teams meeting (its chat, side panel or stage). */
  meeting?: MeetingHost;
}

const TEAMS_INIT_TIMEOUT_MS = 5000;

export async function detectHost(): Promise<Host> {
  if (window.self !== window.top) {
    try {
      return await withTimeout(teamsHost(), TEAMS_INIT_TIMEOUT_MS);
    } catch {
      // Framed by something that is not Teams: behave as a browser.
    }
  }
  return browserHost();
}

async function teamsHost(): Promise<Host> {
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  app.notifySuccess();
  const meetingId = context.meeting?.id;
  return {
    inTeams: true,
    theme: teamsTheme(context.app.theme),
    locale: context.app.locale,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(teamsTheme(theme))),
    getAuthToken: () => authentication.getAuthToken(),
    ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
    frameContext: context.page.frameContext,
    ...(meetingId ? { meeting: await meetingHost(meetingId) } : {}),
  };
}

async function meetingHost(id: string): Promise<MeetingHost> {
  const { stageSharing, shareToStage } = await import('./meeting-stage');
  return { id, stageSharing, shareToStage };
}

function browserHost(): Host {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const contrast = window.matchMedia?.('(forced-colors: active)');
  const current = (): HostTheme => (contrast?.matches ? 'contrast' : dark?.matches ? 'dark' : 'light');
  return {
    inTeams: false,
    theme: current(),
    locale: navigator.language,
    onThemeChange: (listener) => {
      dark?.addEventListener('change', () => listener(current()));
      contrast?.addEventListener('change', () => listener(current()));
    },
  };
}

function teamsTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
