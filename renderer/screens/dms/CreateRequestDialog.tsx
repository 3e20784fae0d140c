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
} from '@fluentui/react-components';
import * as z from 'zod';
import type { DmsAction, DmsUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useDmsErrorSentence } from './use-dms-error.js';
import { selectActionError, useDmsStore } from '../../state/dms-store.js';
import { useDmsStyles } from './dms-styles.js';

const Email = z.email().max(254);

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
  const busy = useDmsStore((s) => s.busy === 'new');
  const error = useDmsStore((s) => selectActionError(s, 'new'));
  const create = useDmsStore((s) => s.create);
  const clear = useDmsStore((s) => s.clearOutcome);
  const actionName = t(`action.${action}`);
  // Refusals no second try can change (the lists reload to show why): only Cancel is left.
  const settled =
    error?.code === 'REQUEST_ALREADY_PENDING' ||
    error?.code === 'ACTION_NOT_APPLICABLE' ||
    (error?.code === 'EMAIL_NOT_REGISTERED' && action === 'reset_password');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    let value: string | undefined;
    if (action === 'set_email') {
      const parsed = Email.safeParse(email.trim());
      if (!parsed.success) return setEmailProblem(t('create.emailInvalid'));
      value = parsed.data;
    }
    setEmailProblem(null);
    if (await create(action, user.userId, value)) props.onDone();
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
              <p>
                {t(`actionExplained.${action}`, {
                  userId: user.userId,
                  email: email.trim() || '…',
                })}
              </p>
              <p className={styles.muted}>{t('create.checkerNote')}</p>
              <ErrorMessage message={error ? sentence(error, user.userId) : null} trigger={error} />
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
