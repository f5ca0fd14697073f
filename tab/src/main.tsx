import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocale, type Language } from '../../bot/src/i18n/messages';
import { App } from './App';
import { setTokenProvider } from './api-client';
import { ConfigPage } from './components/ConfigPage';
import { ImportPage } from './components/ImportPage';
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
      <View name={new URLSearchParams(location.search).get('view')} lang={lang} inTeams={host.inTeams} />
    </FluentProvider>
  );
}

/** ?view=config: the channel tab's configuration page; ?view=import: the coordinators' import page. */
function View({ name, lang, inTeams }: { name: string | null; lang: Language; inTeams: boolean }) {
  if (name === 'config') return <ConfigPage lang={lang} inTeams={inTeams} />;
  if (name === 'import') return <ImportPage lang={lang} />;
  return <App lang={lang} inTeams={inTeams} />;
}

const container = document.getElementById('root');
if (container) {
  void detectHost().then((host) => {
    if (host.getAuthToken) setTokenProvider(host.getAuthToken);
    createRoot(container).render(
      <StrictMode>
        <Root host={host} />
      </StrictMode>,
    );
  });
}
