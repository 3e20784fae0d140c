import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../shared/index.js';
import App from './App.js';
import { callBridge } from './bridge/bridge.js';
import { ProxySignInDialog } from './components/ProxySignInDialog.js';
import { initI18n, setPlatform } from './i18n/index.js';
import { useSessionStore } from './state/session-store.js';
import './components/focus.css';

/** Before the settings are known (or if they cannot be read): the browser's own preference. */
function guessLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-HK' : 'en';
}

async function boot(): Promise<void> {
  // The language comes from the user's settings, so read them before the first paint.
  const info = await callBridge('getAppInfo', {});
  if (info.ok) useSessionStore.getState().setAppInfo(info.value);
  // The texts name the OS's credential store (Windows Credential Manager on Windows).
  if (info.ok) setPlatform(info.value.platform);
  await initI18n(info.ok ? info.value.settings.language : guessLanguage());
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
        <App />
        <ProxySignInDialog />
      </FluentProvider>
    </StrictMode>,
  );
}

void boot();
