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
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorSentence } from '../i18n/error-sentence.js';
import { passwordFieldLabels } from '../i18n/password-field-labels.js';
import type { ProxyAuthPrompt } from '../../shared/index.js';
import { selectProxyPrompt, useProxyAuthStore } from '../state/proxy-auth-store.js';
import { ErrorMessage } from './ErrorMessage.js';
import { PasswordField } from './PasswordField.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The proxy server's sign-in, over whatever screen is up: the core asks when a proxy between the
 * workstation and the host answers 407. Mounted once at the root (renderer/main.tsx).
 */
export function ProxySignInDialog() {
  const { t, i18n } = useTranslation(['proxy', 'errors', 'login']);
  const styles = useStyles();
  const prompt = useProxyAuthStore(selectProxyPrompt);
  const sending = useProxyAuthStore((s) => s.sending);
  const error = useProxyAuthStore((s) => s.error);
  const { listen, submit, cancel } = useProxyAuthStore.getState();
  // The user name is kept between prompts of one proxy (a refused answer asks again); the
  // password lives only in this field until it is sent.
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => listen(), [listen]);

  // Each new prompt starts at the user name (a refused answer may be wrong in either field). After
  // the surface's own focus handling, hence the next tick.
  const promptId = prompt?.id;
  useEffect(() => {
    if (!promptId) return;
    setMissing(false);
    const id = setTimeout(() => usernameRef.current?.focus(), 0);
    return () => clearTimeout(id);
  }, [promptId]);

  // The dialog stays mounted and closes through `open`, so Fluent lifts the modal's hiding of
  // the page behind it; while it fades out it still shows the prompt it had.
  const [shown, setShown] = useState<ProxyAuthPrompt | null>(null);
  if (prompt && prompt !== shown) setShown(prompt);
  const view = prompt ?? shown;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (username.trim() === '') {
      setMissing(true);
      return usernameRef.current?.focus();
    }
    const secret = password;
    setPassword('');
    await submit(username.trim(), secret);
  };
  const onCancel = () => {
    setPassword('');
    void cancel();
  };

  return (
    <Dialog
      open={prompt !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && prompt) onCancel();
      }}
    >
      <DialogSurface aria-describedby="proxy-sign-in-body">
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{t('proxy:title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text id="proxy-sign-in-body">{t('proxy:body', { proxy: view?.proxy ?? '' })}</Text>
              {view?.realm ? <Text>{t('proxy:realm', { realm: view.realm })}</Text> : null}
              <ErrorMessage
                intent="warning"
                message={view?.failedBefore ? t('proxy:failedBefore') : null}
                focus={false}
              />
              <ErrorMessage
                message={error ? errorSentence(t, error, i18n.language) : null}
                trigger={error}
              />
              <Field
                label={t('proxy:username')}
                validationMessage={missing ? t('proxy:usernameRequired') : undefined}
              >
                <Input
                  ref={usernameRef}
                  value={username}
                  onChange={(_, data) => {
                    setUsername(data.value);
                    if (data.value.trim() !== '') setMissing(false);
                  }}
                  autoComplete="username"
                  aria-required
                  spellCheck={false}
                  autoCapitalize="off"
                  disabled={sending}
                />
              </Field>
              <PasswordField
                label={t('proxy:password')}
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                {...passwordFieldLabels(t)}
                disabled={sending}
              />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={sending}>
                {sending ? t('proxy:signingIn') : t('proxy:signIn')}
              </Button>
              <Button onClick={onCancel} disabled={sending}>
                {t('proxy:cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
