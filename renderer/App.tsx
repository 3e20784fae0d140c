import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  Component,
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { EnvironmentBadge } from './components/EnvironmentBadge.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { SignInLayout } from './components/SignInLayout.js';
import { preloadable, type Preloadable } from './components/preloadable.js';
import { errorSentence } from './i18n/error-sentence.js';
import LoginScreen from './screens/login/LoginScreen.js';
import { selectShowsDone, useInitStore } from './state/init-store.js';
import { selectEnvironment, selectStep, useSessionStore } from './state/session-store.js';

type AuthStep = NonNullable<ReturnType<typeof selectStep>>;

// Only the login screen is in the first bundle; everything else loads when needed. The screens
// of a sign-in are fetched one step ahead, with their texts: the OTP prompt once the login form is
// up, the 2FA initialization and the terminal while the OTP prompt is, so none waits on a chunk.
const otpPrompt = preloadable(() => import('./screens/otp/OtpPrompt.js'));
const initWizard = preloadable(() => import('./screens/initialization/InitWizard.js'));
const terminalShell = preloadable(() => import('./screens/shell/TerminalShell.js'));
const AHEAD: Partial<Record<AuthStep, { screens: Preloadable<object>[]; namespaces: string[] }>> = {
  signedOut: { screens: [otpPrompt], namespaces: ['otp'] },
  otp: { screens: [initWizard, terminalShell], namespaces: ['init', 'shell'] },
};
const SettingsScreen = lazy(() => import('./screens/settings/SettingsScreen.js'));
const DiagnosticsScreen = lazy(() => import('./screens/diagnostics/DiagnosticsScreen.js'));

type Tool = 'settings' | 'diagnostics';

const useStyles = makeStyles({
  center: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
  },
});

/** Shows a clear message instead of a blank window when a lazy screen fails to load. */
class ScreenBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Loading({ label }: { label: string }) {
  return <Spinner label={label} labelPosition="below" />;
}

/** Routes by the core's AuthState: login → OTP → wizard → terminal. */
export default function App() {
  const { t, i18n } = useTranslation(['common', 'errors']);
  const styles = useStyles();
  const step = useSessionStore(selectStep);
  const environment = useSessionStore(selectEnvironment);
  const startError = useSessionStore((s) => s.startError);
  const start = useSessionStore((s) => s.start);
  const showsDone = useInitStore(selectShowsDone);
  const [tool, setTool] = useState<Tool | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  // main.tsx starts the session before the first paint; where it did not (tests), start here.
  useEffect(() => {
    const { authState, startError: failed } = useSessionStore.getState();
    if (!authState && !failed) void start();
  }, [start]);

  // The next step's screens and texts, once this step is drawn; a failed fetch is retried by the
  // screen itself when it is needed.
  useEffect(() => {
    const ahead = step ? AHEAD[step] : undefined;
    if (!ahead) return;
    const id = setTimeout(() => {
      for (const screen of ahead.screens) screen.preload().catch(() => undefined);
      i18n.loadNamespaces(ahead.namespaces).catch(() => undefined);
    }, 0);
    return () => clearTimeout(id);
  }, [step, i18n]);

  const openTool = useCallback((next: Tool) => {
    openerRef.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTool(next);
  }, []);
  const closeTool = useCallback(() => {
    setTool(null);
    // Back to the button that opened the tool, so keyboard users keep their place.
    queueMicrotask(() => openerRef.current?.focus());
  }, []);

  if (startError) {
    return (
      <div className={styles.center}>
        <ErrorMessage
          title={t('common:startFailed')}
          message={errorSentence(t, startError, i18n.language)}
        />
        <Button appearance="primary" onClick={() => void start()}>
          {t('common:retry')}
        </Button>
      </div>
    );
  }
  if (step === null) {
    return (
      <div className={styles.center}>
        <Loading label={t('common:starting')} />
      </div>
    );
  }

  const loading = <Loading label={t('common:loading')} />;
  const failed = <ErrorMessage message={t('common:screenLoadFailed')} />;

  if ((step === 'signedIn' || step === 'locked') && !showsDone) {
    return (
      <ScreenBoundary fallback={failed}>
        <Suspense fallback={<div className={styles.center}>{loading}</div>}>
          <terminalShell.Component />
        </Suspense>
      </ScreenBoundary>
    );
  }

  let screen: ReactNode;
  if (tool === 'settings') screen = <SettingsScreen onClose={closeTool} />;
  else if (tool === 'diagnostics') screen = <DiagnosticsScreen onClose={closeTool} />;
  else if (step === 'otp') screen = <otpPrompt.Component />;
  else if (step === 'init' || showsDone) screen = <initWizard.Component />;
  else screen = <LoginScreen onOpenConnectivity={() => openTool('diagnostics')} />;

  return (
    <SignInLayout
      appName={t('common:appName')}
      tagline={t('common:appTagline')}
      badge={
        environment ? (
          <EnvironmentBadge
            environment={environment}
            name={t(`common:environment.${environment}`)}
            label={t('common:environment.label', { name: t(`common:environment.${environment}`) })}
          />
        ) : null
      }
      navLabel={t('common:nav.label')}
      settingsLabel={t('common:nav.settings')}
      connectivityLabel={t('common:nav.connectivityCheck')}
      onOpenSettings={() => openTool('settings')}
      onOpenConnectivity={() => openTool('diagnostics')}
      footer={t('common:footer')}
      wide={tool !== null || step === 'init' || showsDone}
    >
      <ScreenBoundary key={tool ?? step} fallback={failed}>
        <Suspense fallback={loading}>{screen}</Suspense>
      </ScreenBoundary>
    </SignInLayout>
  );
}
