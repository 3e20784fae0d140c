import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { OtpInput } from '../../components/OtpInput.js';
import { formatMinutesSeconds, secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { useDmsStore } from '../../state/dms-store.js';
import { useDmsStyles } from './dms-styles.js';

/**
 * The approval step of a checker whose one-time passwords come by email: "Send a code to my
 * email", then where it went, its time left, the code field and "Send a new code" when the host's
 * resend rule allows. The code approves this request only (the host binds it).
 */
export function EmailApprovalCode(props: {
  requestId: string;
  code: string;
  onCode(code: string): void;
  onComplete(code: string): void;
  disabled: boolean;
}) {
  const { t } = useTranslation(['dms', 'otp']);
  const styles = useDmsStyles();
  const sent = useDmsStore((s) =>
    s.approvalCode?.requestId === props.requestId ? s.approvalCode : null,
  );
  const busy = useDmsStore((s) => s.busy === props.requestId);
  const send = useDmsStore((s) => s.sendApprovalCode);
  const now = useNow(1000, sent !== null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Once a code is on its way the next thing to do is type it: the field takes the focus.
  useEffect(() => {
    if (sent) inputRef.current?.focus();
  }, [sent]);

  if (!sent) {
    return (
      <>
        <p>{t('dms:emailApproval.intro')}</p>
        <div>
          <Button
            appearance="primary"
            onClick={() => void send(props.requestId)}
            disabled={props.disabled || busy}
            icon={busy ? <Spinner size="tiny" aria-hidden="true" /> : undefined}
          >
            {t('dms:emailApproval.send')}
          </Button>
        </div>
      </>
    );
  }
  const expiresIn = secondsUntil(sent.expiresAt, now);
  const resendIn = secondsUntil(sent.resendAvailableAt, now);
  return (
    <>
      <p role="status">
        {t('dms:emailApproval.sent', { maskedEmail: sent.maskedEmail })}
        {sent.sends > 1 ? ` ${t('otp:resent')}` : ''}
      </p>
      <OtpInput
        label={t('otp:code')}
        hint={t('dms:emailApproval.codeHint')}
        value={props.code}
        onChange={props.onCode}
        onComplete={props.onComplete}
        disabled={props.disabled}
        inputRef={inputRef}
      />
      {/* Not a live region: it would be spoken every second; it is read on reaching it. */}
      <Text aria-live="off" data-testid="approval-code-countdown">
        {expiresIn > 0
          ? t('otp:expiresIn', { time: formatMinutesSeconds(expiresIn) })
          : t('otp:expired')}
      </Text>
      <div className={styles.resend}>
        <Button
          onClick={() => void send(props.requestId)}
          disabledFocusable={resendIn > 0 || busy || props.disabled}
        >
          {t('otp:resend')}
        </Button>
        {resendIn > 0 && <Text size={200}>{t('otp:resendIn', { seconds: resendIn })}</Text>}
      </div>
    </>
  );
}
