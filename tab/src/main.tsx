import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocale } from '../../bot/src/i18n/messages';
import { App } from './App';
import { ConfigPage } from './components/ConfigPage';
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
      {new URLSearchParams(location.search).get('view') === 'config' ? (
        <ConfigPage lang={lang} inTeams={host.inTeams} />
      ) : (
        <App lang={lang} inTeams={host.inTeams} />
      )}
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  void detectHost().then((host) => {
    createRoot(container).render(
      <StrictMode>
        <Root host={host} />
      </StrictMode>,
    );
  });
}
