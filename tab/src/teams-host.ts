/**
 * Where the tab runs: inside Teams (framed; teams-js gives theme and locale) or in a plain browser
 * (dev mode, or a projector in the meeting room). teams-js is loaded only when framed, so the
 * browser case does not pay for it.
 */
export type HostTheme = 'light' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  theme: HostTheme;
  locale: string;
  onThemeChange(listener: (theme: HostTheme) => void): void;
  /** Inside Teams: a single sign-on token for the service's API. */
  getAuthToken?: () => Promise<string>;
  /** Inside Teams, opened from a deep link: the plan it names (the link's subEntityId, see tab-links.ts). */
  subPageId?: string;
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
  return {
    inTeams: true,
    theme: teamsTheme(context.app.theme),
    locale: context.app.locale,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((theme) => listener(teamsTheme(theme))),
    getAuthToken: () => authentication.getAuthToken(),
    ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
  };
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
