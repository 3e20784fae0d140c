import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.js';
import { callBridge } from './bridge/bridge.js';
import { ProxySignIn } from './components/ProxySignIn.js';
import { initI18n, languageFromOs, setPlatform } from './i18n/index.js';
import { useSessionStore } from './state/session-store.js';
import './components/focus.css';

async function boot(): Promise<void> {
  // The language comes from the user's settings, so read them before the first paint.
  const info = await callBridge('getAppInfo', {});
  if (info.ok) useSessionStore.getState().setAppInfo(info.value);
  // The texts name the OS's credential store (Windows Credential Manager on Windows).
  if (info.ok) setPlatform(info.value.platform);
  // The user's choice; until they make one (or if the settings cannot be read), the OS's language.
  const chosen = info.ok ? info.value.settings.language : undefined;
  await initI18n(chosen ?? languageFromOs(navigator.languages));
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
        <App />
        <ProxySignIn />
      </FluentProvider>
    </StrictMode>,
  );
}

void boot();
