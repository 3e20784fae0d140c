import { lazy, Suspense, useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Spinner } from '@fluentui/react-components';
import type { EnvironmentId, SessionUser } from '../../../shared/index.js';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SignInLayout } from '../../components/SignInLayout.js';
import { useSessionStore } from '../../state/session-store.js';
import { useShellStore, type ShellView } from '../../state/shell-store.js';
import { IdleWarning } from './IdleWarning.js';
import { LockScreen } from './LockScreen.js';
import { PasswordExpiryNotice } from './PasswordExpiryNotice.js';
import { ShellHeader } from './ShellHeader.js';
import { TempEmailOtpBanner } from './TempEmailOtpBanner.js';
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
  const authState = useSessionStore((s) => s.authState);
  const setView = useShellStore((s) => s.setView);
  const signOutError = useShellStore((s) => s.signOutError);
  const signOut = useShellStore((s) => s.signOut);
  const openerRef = useRef<HTMLElement | null>(null);
  const signedIn = authState?.step === 'signedIn';

  useIdleWarnings(signedIn);
  useActivityReporter(signedIn);

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

  if (!authState || (authState.step !== 'signedIn' && authState.step !== 'locked')) return null;
  const nav = { open, close, signOut: () => void signOut() };
  const notice = signOutError ? <ErrorMessage message={t('signOutFailed')} /> : null;

  return (
    <>
      {authState.step === 'locked' ? (
        <LockedView
          user={authState.user}
          environment={authState.environment}
          notice={notice}
          {...nav}
        />
      ) : (
        <SignedInView
          user={authState.user}
          environment={authState.environment}
          expiresAt={authState.expiresAt}
          notice={notice}
          {...nav}
        />
      )}
      {/* At the same place in both states, so the lock closes the warning through `open` rather than
          tearing an open Fluent dialog down (which leaves the page aria-hidden). */}
      <IdleWarning />
    </>
  );
}

interface ViewProps {
  user: SessionUser;
  environment: EnvironmentId;
  notice: ReactNode;
  open(view: ShellView): void;
  close(): void;
  signOut(): void;
}

function SignedInView(props: ViewProps & { expiresAt: string }) {
  const { t } = useTranslation('shell');
  const styles = useShellStyles();
  const { view, setView, signingOut, summary } = useShellStore();
  const navItems: { id: ShellView; label: string }[] = [
    { id: 'home', label: t('header.home') },
    ...(props.user.roles.includes('da') ? [{ id: 'dms' as const, label: t('header.dms') }] : []),
    { id: 'settings', label: t('header.settings') },
    { id: 'diagnostics', label: t('header.diagnostics') },
  ];

  return (
    <div className={styles.page}>
      <ShellHeader
        user={props.user}
        participantName={summary?.participant.name ?? null}
        environment={props.environment}
        expiresAt={props.expiresAt}
        signingOut={signingOut}
        onSignOut={props.signOut}
      />
      <nav aria-label={t('header.navLabel')} className={styles.nav}>
        {navItems.map((item) => (
          <Button
            key={item.id}
            appearance="subtle"
            aria-current={view === item.id ? 'page' : undefined}
            className={view === item.id ? styles.current : undefined}
            onClick={() => (item.id === 'home' ? setView('home') : props.open(item.id))}
          >
            {item.label}
          </Button>
        ))}
      </nav>
      <main className={styles.main}>
        {props.notice}
        {view === 'home' ? <PasswordExpiryNotice /> : null}
        <TempEmailOtpBanner />
        {view === 'home' ? <TerminalHome /> : <ToolView view={view} onClose={props.close} />}
      </main>
    </div>
  );
}

function LockedView(props: ViewProps) {
  const { t } = useTranslation('shell');
  const view = useShellStore((s) => s.view);
  const envName = t(`common:environment.${props.environment}`);
  const tool = view === 'settings' || view === 'diagnostics' ? view : null;
  return (
    <SignInLayout
      appName={t('common:appName')}
      tagline={t('common:appTagline')}
      badge={
        <EnvironmentBadge
          environment={props.environment}
          name={envName}
          label={t('common:environment.label', { name: envName })}
        />
      }
      navLabel={t('common:nav.label')}
      settingsLabel={t('common:nav.settings')}
      connectivityLabel={t('common:nav.connectivityCheck')}
      onOpenSettings={() => props.open('settings')}
      onOpenConnectivity={() => props.open('diagnostics')}
      footer={t('common:footer')}
      wide={tool !== null}
    >
      {props.notice}
      {tool ? (
        <ToolView view={tool} onClose={props.close} />
      ) : (
        <LockScreen user={props.user} onSignOut={props.signOut} />
      )}
    </SignInLayout>
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
