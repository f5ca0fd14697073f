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
      <View
        name={new URLSearchParams(location.search).get('view')}
        lang={lang}
        inTeams={host.inTeams}
        {...(host.subPageId ? { planId: host.subPageId } : {})}
      />
    </FluentProvider>
  );
}

/** ?view=config: the channel tab's configuration page; ?view=import: the coordinators' import page. */
function View(props: { name: string | null; lang: Language; inTeams: boolean; planId?: string }) {
  const { name, lang, inTeams } = props;
  if (name === 'config') return <ConfigPage lang={lang} inTeams={inTeams} />;
  if (name === 'import') return <ImportPage lang={lang} />;
  return <App lang={lang} inTeams={inTeams} {...(props.planId ? { planId: props.planId } : {})} />;
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
