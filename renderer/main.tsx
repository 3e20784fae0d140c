import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.js';
import { ProxySignIn } from './components/ProxySignIn.js';
import {
  initI18n,
  languageFromOs,
  prefetchLanguage,
  rememberedLanguage,
  setPlatform,
} from './i18n/index.js';
import { useSessionStore } from './state/session-store.js';
import './components/focus.css';

async function boot(): Promise<void> {
  // Side by side: the user's settings and the core's sign-in state (one round trip to the core),
  // and the texts of the language this window showed last, or the OS's.
  const starting = useSessionStore.getState().start();
  prefetchLanguage(rememberedLanguage() ?? languageFromOs(navigator.languages));
  // The language comes from the user's settings, so they are read before the first paint; so is
  // the sign-in state, so that the first paint is the screen itself (a failure to start is drawn
  // by the app, with its retry).
  await starting;
  const info = useSessionStore.getState().appInfo;
  // The texts name the OS's credential store (Windows Credential Manager on Windows).
  if (info) setPlatform(info.platform);
  // The user's choice; until they make one (or if the settings cannot be read), the OS's language.
  await initI18n(info?.settings.language ?? languageFromOs(navigator.languages));
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
