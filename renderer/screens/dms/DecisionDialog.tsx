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
  Textarea,
} from '@fluentui/react-components';
import type { DmsRequest } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { OtpInput } from '../../components/OtpInput.js';
import { OTP_LENGTH } from '../../components/otp-code.js';
import { approvesByEmail, selectActionError, useDmsStore } from '../../state/dms-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { EmailApprovalCode } from './EmailApprovalCode.js';
import { useDmsStyles } from './dms-styles.js';
import { useDmsErrorSentence } from './use-dms-error.js';

/** Approve (with the checker's own fresh OTP) or reject (with a reason) one pending request. */
export function DecisionDialog(props: {
  request: DmsRequest;
  decision: 'approve' | 'reject';
  open: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation('dms');
  const styles = useDmsStyles();
  const { request, decision } = props;
  // The OTP lives only in this field until it is sent, then is cleared.
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const busy = useDmsStore((s) => s.busy === request.id);
  const error = useDmsStore((s) => selectActionError(s, request.id));
  const { approve, reject, clearOutcome } = useDmsStore();
  const sentence = useDmsErrorSentence();
  // A checker whose one-time passwords come by email approves with a code emailed for this request.
  const meId = useSessionStore((s) =>
    s.authState && 'user' in s.authState ? s.authState.user.userId : undefined,
  );
  const byEmail = useDmsStore((s) => approvesByEmail(s.users, meId));
  const vars = { action: t(`action.${request.action}`), userId: request.userId };

  const submitApprove = async (value: string) => {
    if (value.length !== OTP_LENGTH || busy) return;
    setCode('');
    if (await approve(request.id, value)) props.onDone();
  };
  const submitReject = async () => {
    if (reason.trim() === '') return setReasonMissing(true);
    setReasonMissing(false);
    if (await reject(request.id, reason.trim())) props.onDone();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void (decision === 'approve' ? submitApprove(code) : submitReject());
  };
  const cancel = () => {
    clearOutcome();
    props.onDone();
  };
  // Once the request is no longer pending, nothing is left to decide here.
  const settled = error?.code === 'REQUEST_NOT_PENDING' || error?.code === 'SAME_DA';

  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, d) => !d.open && props.open && cancel()}
    >
      <DialogSurface>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>
              {t(decision === 'approve' ? 'pending.approveTitle' : 'pending.rejectTitle', vars)}
            </DialogTitle>
            <DialogContent className={styles.dialogForm}>
              {decision === 'approve' ? (
                <>
                  <p>
                    {t(byEmail ? 'pending.approveBodyEmail' : 'pending.approveBody', {
                      makerId: request.makerId,
                    })}
                  </p>
                  {byEmail ? (
                    <EmailApprovalCode
                      requestId={request.id}
                      code={code}
                      onCode={setCode}
                      onComplete={(c) => void submitApprove(c)}
                      disabled={busy || settled}
                    />
                  ) : (
                    <OtpInput
                      label={t('otp:code')}
                      hint={t('otp:codeHint')}
                      value={code}
                      onChange={setCode}
                      onComplete={(c) => void submitApprove(c)}
                      disabled={busy || settled}
                    />
                  )}
                </>
              ) : (
                <Field
                  label={t('pending.reasonLabel')}
                  required
                  validationMessage={reasonMissing ? t('pending.reasonRequired') : undefined}
                >
                  <Textarea
                    value={reason}
                    onChange={(_, d) => setReason(d.value)}
                    maxLength={500}
                    disabled={settled}
                  />
                </Field>
              )}
              <ErrorMessage
                message={error ? sentence(error, request.userId, request.action) : null}
                trigger={error}
              />
            </DialogContent>
            <DialogActions>
              {!settled && (
                <Button
                  type="submit"
                  appearance="primary"
                  disabled={busy || (decision === 'approve' && code.length !== OTP_LENGTH)}
                >
                  {t(decision === 'approve' ? 'pending.approveSubmit' : 'pending.rejectSubmit')}
                </Button>
              )}
              <Button onClick={cancel} disabled={busy}>
                {t('pending.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
