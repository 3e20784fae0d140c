import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthState, ErrorCode } from '../../../shared/index.js';
import { SubmitButton } from '../../components/SubmitButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Notice } from '../../components/Notice.js';
import { PasswordField } from '../../components/PasswordField.js';
import { parseUserId } from '../../components/user-id.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MaintenanceNotice, useCurrentMaintenance } from './MaintenanceNotice.js';
import { passwordFieldLabels } from '../../i18n/password-field-labels.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import {
  selectRememberedUserId,
  selectStartUserId,
  selectSignedOutLockedUntil,
  selectSignedOutReason,
  useSessionStore,
} from '../../state/session-store.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  language: { marginLeft: 'auto' },
});

/** Errors a connectivity check can explain: the login offers to run it at once. */
const NETWORK_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'HOST_UNREACHABLE',
  'HOST_TIMEOUT',
  'TLS_ERROR',
  'BAD_HOST_REPLY',
]);

/** Why the core signed the user out, when it says. */
type SignedOutReason = NonNullable<Extract<AuthState, { step: 'signedOut' }>['reason']>;

/** The account itself ended the sign-in: said as the host's error says it (the lock's end too). */
const ACCOUNT_REASONS = {
  accountLocked: 'ACCOUNT_LOCKED',
  accountSuspended: 'ACCOUNT_SUSPENDED',
} as const satisfies Partial<Record<SignedOutReason, ErrorCode>>;
type NoteReason = Exclude<SignedOutReason, keyof typeof ACCOUNT_REASONS>;
const isAccountReason = (r: SignedOutReason): r is keyof typeof ACCOUNT_REASONS =>
  r in ACCOUNT_REASONS;

/** The sentence for each reason; a reason the core starts to send fails to compile here first. */
const REASON_NOTES: Record<NoteReason, `login:signedOutReason.${NoteReason}`> = {
  challengeExpired: 'login:signedOutReason.challengeExpired',
  sessionExpired: 'login:signedOutReason.sessionExpired',
  initExpired: 'login:signedOutReason.initExpired',
  hostSignedOut: 'login:signedOutReason.hostSignedOut',
};

/** Props of the login screen. */
export interface LoginScreenProps {
  /** Opens the connectivity check (offered when the host cannot be reached). */
  onOpenConnectivity?: () => void;
}

/** The login form: user ID and password, then the core decides OTP or initialization. */
export default function LoginScreen({ onOpenConnectivity }: LoginScreenProps) {
  const { t, i18n } = useTranslation(['login', 'common', 'errors']);
  const styles = useStyles();
  const appInfo = useSessionStore((s) => s.appInfo);
  const remembered = useSessionStore(selectRememberedUserId);
  const startUserId = useSessionStore(selectStartUserId);
  const reason = useSessionStore(selectSignedOutReason);
  const lockedUntil = useSessionStore(selectSignedOutLockedUntil);
  const { pending, error } = useSessionStore((s) => s.login);
  const signIn = useSessionStore((s) => s.signIn);
  // During announced maintenance the host refuses every sign-in: none is offered.
  const maintenance = useCurrentMaintenance();

  const [userId, setUserId] = useState(startUserId);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ userId?: boolean; password?: boolean }>({});
  /** The user ID text that is not a user ID, as last submitted (cleared when it is edited). */
  const [notAUserId, setNotAUserId] = useState<string | undefined>(undefined);
  const userIdRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  /** The user ID the form offered last; while the field still shows it, the form may offer another. */
  const offeredRef = useRef(startUserId);

  // A known user only needs to type the password; everyone else starts at the user ID. When the
  // core's remembered user changes (the last sign-in on this workstation, read after it), an
  // untouched field follows it: what the user typed is never replaced.
  useEffect(() => {
    if (remembered) {
      const offered = offeredRef.current;
      setUserId((current) => (current === '' || current === offered ? remembered : current));
      offeredRef.current = remembered;
    }
    (remembered || startUserId ? passwordRef : userIdRef).current?.focus();
  }, [remembered, startUserId]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || maintenance) return;
    const gaps = { userId: userId.normalize('NFKC').trim() === '', password: password === '' };
    setMissing(gaps);
    if (gaps.userId) return userIdRef.current?.focus();
    // Full-width text from a Chinese IME becomes the user ID it names; anything that still is not
    // one is answered here, never sent (the bridge would refuse it: components/user-id.ts).
    const id = parseUserId(userId);
    if (id === undefined) {
      setNotAUserId(userId);
      return userIdRef.current?.focus();
    }
    setNotAUserId(undefined);
    setUserId(id);
    if (gaps.password) return passwordRef.current?.focus();
    const secret = password;
    // The password leaves component state at once; only this call holds it, and no store ever does.
    setPassword('');
    await signIn(id, secret);
  };

  const notices = [
    ...(appInfo?.configProblems ?? []).map((problem) =>
      t('common:notices.configProblem', { problem }),
    ),
    ...(appInfo && !appInfo.keychainAvailable ? [t('common:notices.keychainUnavailable')] : []),
  ];

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="login-title">
      <h1 id="login-title" className={styles.heading}>
        <Text as="span" size={700} weight="semibold">
          {t('login:title')}
        </Text>
      </h1>
      <Text>{t('login:intro')}</Text>
      <Notice title={t('common:notices.title')} messages={notices} />
      <MaintenanceNotice />
      {reason && isAccountReason(reason) ? (
        <ErrorMessage
          message={errorSentence(
            t,
            {
              code: ACCOUNT_REASONS[reason],
              message: '',
              ...(lockedUntil && { lockedUntil }),
            },
            i18n.language,
          )}
        />
      ) : reason ? (
        <ErrorMessage intent="warning" message={t(REASON_NOTES[reason])} focus={false} />
      ) : null}
      {/* The last attempt's error is not this attempt's: hidden while the field says what is wrong. */}
      <ErrorMessage
        message={error && notAUserId === undefined ? errorSentence(t, error, i18n.language) : null}
        trigger={error}
      />
      {error && NETWORK_ERRORS.has(error.code) && onOpenConnectivity ? (
        <div>
          <Button appearance="secondary" onClick={onOpenConnectivity}>
            {t('login:runConnectivityCheck')}
          </Button>
        </div>
      ) : null}
      <Field
        label={t('login:userId')}
        validationMessage={
          missing.userId && userId.trim() === ''
            ? t('login:userIdRequired')
            : notAUserId !== undefined && notAUserId === userId
              ? t('login:userIdInvalid')
              : undefined
        }
      >
        <Input
          ref={userIdRef}
          value={userId}
          onChange={(_, data) => setUserId(data.value)}
          autoComplete="username"
          aria-required
          autoCapitalize="characters"
          spellCheck={false}
          size="large"
          disabled={pending}
        />
      </Field>
      <PasswordField
        label={t('login:password')}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        {...passwordFieldLabels(t)}
        validationMessage={
          missing.password && password === '' ? t('login:passwordRequired') : undefined
        }
        inputRef={passwordRef}
        disabled={pending}
        required
      />
      <div className={styles.actions}>
        <SubmitButton
          pending={pending}
          pendingText={t('login:signingIn')}
          unavailable={maintenance !== undefined}
        >
          {t('login:signIn')}
        </SubmitButton>
        <span className={styles.language}>
          <LanguageSwitch />
        </span>
      </div>
    </form>
  );
}
