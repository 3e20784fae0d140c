import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Spinner } from '@fluentui/react-components';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SignInLayout } from '../../components/SignInLayout.js';
import { useSessionStore } from '../../state/session-store.js';
import { isDa, useShellStore, type ShellView } from '../../state/shell-store.js';
import { IdleWarning } from './IdleWarning.js';
import { LockScreen } from './LockScreen.js';
import { ShellHeader } from './ShellHeader.js';
import { TerminalHome } from './TerminalHome.js';
import { useActivityReporter, useIdleWarnings } from './use-session-activity.js';
import { useShellStyles } from './shell-styles.js';

// Lazy: only a DA needs the console, and only when they open it; settings and the check likewise.
const DmsConsole = lazy(() => import('../dms/DmsConsole.js'));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen.js'));
const DiagnosticsScreen = lazy(() => import('../diagnostics/DiagnosticsScreen.js'));

/** The signed-in terminal (header, navigation, home, tools) and the locked terminal. */
export default function TerminalShell() {
  const { t } = useTranslation('shell');
  const styles = useShellStyles();
  const authState = useSessionStore((s) => s.authState);
  const applyAuthState = useSessionStore((s) => s.applyAuthState);
  const { view, setView, signingOut, signOutError, summary } = useShellStore();
  const signOutStore = useShellStore((s) => s.signOut);
  const openerRef = useRef<HTMLElement | null>(null);
  const signedIn = authState?.step === 'signedIn';

  useIdleWarnings(signedIn);
  useActivityReporter(signedIn);

  // A different sign-in gets a clean shell, not the previous user's figures.
  const userId = authState && 'user' in authState ? authState.user.userId : null;
  useEffect(() => () => useShellStore.getState().reset(), [userId]);

  const open = useCallback(
    (next: ShellView) => {
      openerRef.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setView(next);
    },
    [setView],
  );
  const close = useCallback(() => {
    setView('home');
    // Back where the user was: the button that opened the tool.
    queueMicrotask(() => openerRef.current?.focus());
  }, [setView]);

  const signOut = useCallback(async () => {
    const next = await signOutStore();
    if (next) applyAuthState(next);
  }, [signOutStore, applyAuthState]);

  if (!authState || (authState.step !== 'signedIn' && authState.step !== 'locked')) return null;
  const { user, environment } = authState;
  const signOutFailed = signOutError ? <ErrorMessage message={t('signOutFailed')} /> : null;

  if (authState.step === 'locked') {
    const envName = t(`common:environment.${environment}`);
    const tool = view === 'settings' || view === 'diagnostics' ? view : null;
    return (
      <>
        <SignInLayout
          appName={t('common:appName')}
          tagline={t('common:appTagline')}
          badge={
            <EnvironmentBadge
              environment={environment}
              name={envName}
              label={t('common:environment.label', { name: envName })}
            />
          }
          navLabel={t('common:nav.label')}
          settingsLabel={t('common:nav.settings')}
          connectivityLabel={t('common:nav.connectivityCheck')}
          onOpenSettings={() => open('settings')}
          onOpenConnectivity={() => open('diagnostics')}
          footer={t('common:footer')}
          wide={tool !== null}
        >
          {signOutFailed}
          {tool ? (
            <ToolView view={tool} onClose={close} />
          ) : (
            <LockScreen user={user} onSignOut={() => void signOut()} />
          )}
        </SignInLayout>
        {/* Still mounted when locked: a Fluent dialog torn down while open leaves the page aria-hidden. */}
        <IdleWarning />
      </>
    );
  }

  const navItems: { id: ShellView; label: string }[] = [
    { id: 'home', label: t('header.home') },
    ...(isDa(authState) ? [{ id: 'dms' as const, label: t('header.dms') }] : []),
    { id: 'settings', label: t('header.settings') },
    { id: 'diagnostics', label: t('header.diagnostics') },
  ];

  return (
    <div className={styles.page}>
      <ShellHeader
        user={user}
        participantName={summary?.participant.name ?? null}
        environment={environment}
        expiresAt={authState.expiresAt}
        signingOut={signingOut}
        onSignOut={() => void signOut()}
      />
      <nav aria-label={t('header.navLabel')} className={styles.nav}>
        {navItems.map((item) => (
          <Button
            key={item.id}
            appearance="subtle"
            aria-current={view === item.id ? 'page' : undefined}
            className={view === item.id ? styles.current : undefined}
            onClick={() => (item.id === 'home' ? setView('home') : open(item.id))}
          >
            {item.label}
          </Button>
        ))}
      </nav>
      <main className={styles.main}>
        {signOutFailed}
        {view === 'home' && <TerminalHome />}
        {view !== 'home' && <ToolView view={view} onClose={close} />}
      </main>
      <IdleWarning />
    </div>
  );
}

/** A lazily loaded tool in the shell's main area. */
function ToolView({ view, onClose }: { view: Exclude<ShellView, 'home'>; onClose(): void }) {
  const { t } = useTranslation('shell');
  return (
    <Suspense fallback={<Spinner label={t('loadingView')} size="small" labelPosition="after" />}>
      {view === 'dms' && <DmsConsole onClose={onClose} />}
      {view === 'settings' && <SettingsScreen onClose={onClose} />}
      {view === 'diagnostics' && <DiagnosticsScreen onClose={onClose} />}
    </Suspense>
  );
}
