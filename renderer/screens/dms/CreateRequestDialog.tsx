import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import * as z from 'zod';
import type { DmsAction, DmsUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useDmsErrorSentence } from './use-dms-error.js';
import { selectActionError, useDmsStore } from '../../state/dms-store.js';
import { useDmsStyles } from './dms-styles.js';

const Email = z.email().max(254);
/** How long a temporary email OTP exception may last, in hours; the host refuses more than 24. */
const TEMP_EMAIL_OTP_HOURS = [1, 4, 8, 24] as const;

/** Confirms a new maker request; for "set email" it asks for the address first. */
export function CreateRequestDialog(props: {
  user: DmsUser;
  action: DmsAction;
  open: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation('dms');
  const sentence = useDmsErrorSentence();
  const styles = useDmsStyles();
  const { user, action } = props;
  const [email, setEmail] = useState('');
  const [emailProblem, setEmailProblem] = useState<string | null>(null);
  const [hours, setHours] = useState<number>(8);
  const busy = useDmsStore((s) => s.busy === 'new');
  const error = useDmsStore((s) => selectActionError(s, 'new'));
  const create = useDmsStore((s) => s.create);
  const clear = useDmsStore((s) => s.clearOutcome);
  const actionName = t(`action.${action}`);
  // Refusals no second try can change (the lists reload to show why): only Cancel is left.
  const settled =
    error?.code === 'REQUEST_ALREADY_PENDING' ||
    error?.code === 'ACTION_NOT_APPLICABLE' ||
    error?.code === 'CHANNEL_NOT_TOTP' ||
    (error?.code === 'EMAIL_NOT_REGISTERED' &&
      (action === 'reset_password' || action === 'temp_email_otp'));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    let value: string | undefined;
    if (action === 'set_email') {
      const parsed = Email.safeParse(email.trim());
      if (!parsed.success) return setEmailProblem(t('create.emailInvalid'));
      value = parsed.data;
    }
    setEmailProblem(null);
    const durationSec = action === 'temp_email_otp' ? hours * 3600 : undefined;
    if (await create(action, user.userId, value, durationSec)) props.onDone();
  };
  const cancel = () => {
    clear();
    props.onDone();
  };

  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, d) => !d.open && props.open && cancel()}
    >
      <DialogSurface>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{t('create.title', { action: actionName })}</DialogTitle>
            <DialogContent className={styles.dialogForm}>
              <p className={styles.muted}>
                {user.name} ({user.userId})
              </p>
              {action === 'set_email' && (
                <Field
                  label={t('create.emailLabel')}
                  required
                  validationMessage={emailProblem ?? undefined}
                >
                  <Input
                    type="email"
                    value={email}
                    onChange={(_, d) => setEmail(d.value)}
                    autoComplete="off"
                  />
                </Field>
              )}
              {action === 'temp_email_otp' && (
                <Field label={t('create.durationLabel')}>
                  <RadioGroup
                    value={String(hours)}
                    onChange={(_, d) => setHours(Number(d.value))}
                    layout="horizontal"
                  >
                    {TEMP_EMAIL_OTP_HOURS.map((h) => (
                      <Radio key={h} value={String(h)} label={t('create.hours', { count: h })} />
                    ))}
                  </RadioGroup>
                </Field>
              )}
              <p>
                {t(`actionExplained.${action}`, {
                  userId: user.userId,
                  email:
                    action === 'temp_email_otp' ? (user.maskedEmail ?? '') : email.trim() || '…',
                  count: hours,
                })}
              </p>
              <p className={styles.muted}>{t('create.checkerNote')}</p>
              <ErrorMessage
                message={error ? sentence(error, user.userId, action) : null}
                trigger={error}
              />
            </DialogContent>
            <DialogActions>
              {!settled && (
                <Button type="submit" appearance="primary" disabled={busy}>
                  {t('create.submit')}
                </Button>
              )}
              <Button onClick={cancel} disabled={busy}>
                {t('create.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
