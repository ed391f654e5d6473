import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Settings } from '../shared/ipc';
import { App } from './app/app';
import { RuntimeProvider } from './runtime/runtime-context';
import { wipeAccount } from './app/wipe-account';
import { lifecycleWith, RuntimeRegistry } from './runtime/runtime-registry';
import { createI18n, matchUiLanguage } from './i18n';
import { getBridgeClient, installErrorLogging } from './platform';
import { warmUpFonts } from './ui/font-warmup';
import './ui/theme.css';

function Root(): React.JSX.Element {
  const i18n = useMemo(() => createI18n(matchUiLanguage(navigator.language)), []);
  const [, setRevision] = useState(0);
  const applySettings = useCallback(
    (settings: Settings) => {
      const language = settings.language === 'system' ? matchUiLanguage(navigator.language) : settings.language;
      if (i18n.language !== language) void i18n.changeLanguage(language).then(() => setRevision((n) => n + 1));
      document.documentElement.lang = language;
      if (settings.theme === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = settings.theme;
    },
    [i18n],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <App onSettings={applySettings} />
    </I18nextProvider>
  );
}

installErrorLogging();
const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
// Account runtimes live outside React: started here, driven by accounts.changed, read by components.
const runtimes = new RuntimeRegistry(getBridgeClient(), lifecycleWith(wipeAccount));
runtimes.start();
createRoot(container).render(
  <StrictMode>
    <RuntimeProvider registry={runtimes}>
      <Root />
    </RuntimeProvider>
  </StrictMode>,
);
warmUpFonts();
