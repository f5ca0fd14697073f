import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocale, type Language } from '../../bot/src/contract';
import { App } from './App';
import { setLanguage, setTokenProvider } from './api-client';
import { ConfigPage } from './components/ConfigPage';
import { ImportPage } from './components/ImportPage';
import { SidePanel } from './components/meeting/SidePanel';
import { StageView } from './components/meeting/StageView';
import { SignInPage } from './components/SignInPage';
import { browserSession, type BrowserSession } from './browser-sign-in';
import { detectHost, type Host, type HostTheme } from './teams-host';

const THEMES: Record<HostTheme, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

function Root({ host }: { host: Host }) {
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const lang = languageFromLocale(host.locale);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      <View name={new URLSearchParams(location.search).get('view')} lang={lang} host={host} />
    </FluentProvider>
  );
}

/**
 * ?view=config: the channel, chat or meeting tab's configuration page; ?view=import: the
 * coordinators' import page; ?view=stage, or a meeting's stage: meeting mode; a meeting's side
 * panel: the narrow overview with "Del på skjermen".
 */
function View({ name, lang, host }: { name: string | null; lang: Language; host: Host }) {
  const { inTeams, frameContext } = host;
  if (name === 'config') return <ConfigPage lang={lang} inTeams={inTeams} inMeeting={Boolean(host.meeting)} />;
  if (name === 'import') return <ImportPage lang={lang} />;
  if (name === 'stage' || frameContext === 'meetingStage') return <StageView lang={lang} />;
  if (frameContext === 'sidePanel') return <SidePanel lang={lang} meeting={host.meeting} />;
  // Opened from a deep link ("Mine tiltak" in an e-mail or a notification): the plan it names.
  return <App lang={lang} inTeams={inTeams} {...(host.subPageId ? { planId: host.subPageId } : {})} />;
}

const container = document.getElementById('root');
if (container) {
  void start(container);
}

/** In Teams, Teams SSO gives the token; in a browser, MSAL's redirect sign-in where it is configured. */
async function start(container: HTMLElement): Promise<void> {
  const host = await detectHost();
  // The service words its refusals in the person's language.
  setLanguage(languageFromLocale(host.locale));
  const root = createRoot(container);
  if (host.getAuthToken) setTokenProvider(host.getAuthToken);
  else {
    const session = await browserSession().catch((): BrowserSession => ({ kind: 'none' }));
    if (session.kind === 'sign-in-needed') {
      document.documentElement.lang = languageFromLocale(host.locale);
      root.render(
        <FluentProvider theme={THEMES[host.theme]} style={{ minHeight: '100vh' }}>
          <SignInPage lang={languageFromLocale(host.locale)} signIn={session.signIn} />
        </FluentProvider>,
      );
      return;
    }
    if (session.kind === 'signed-in') setTokenProvider(session.getToken);
  }
  root.render(
    <StrictMode>
      <Root host={host} />
    </StrictMode>,
  );
}
