import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitStore } from '../../state/init-store.js';
import { ConfirmCodeForm } from './ConfirmCodeForm.js';
import { authenticatorAccountName, groupKey, qrDataUrl } from './qr.js';
import { useStepStyles } from './styles.js';

const useStyles = makeStyles({
  qr: {
    width: '200px',
    height: '200px',
    alignSelf: 'center',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    imageRendering: 'pixelated',
  },
  keyBox: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  key: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase400,
    letterSpacing: '0.05em',
    wordBreak: 'break-word',
  },
});

/** Step 3 (app): scan the QR code or type the key, then confirm with the app's code. */
export function AppSetupStep() {
  const { t } = useTranslation(['init', 'common']);
  const styles = { ...useStepStyles(), ...useStyles() };
  const setup = useInitStore((s) => s.totpSetup);
  const setChoosingAgain = useInitStore((s) => s.setChoosingAgain);
  const [qr, setQr] = useState<string | null>(null);
  const [showKey, setShowKey] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => codeRef.current?.focus(), []);

  useEffect(() => {
    let live = true;
    if (!setup) return undefined;
    void qrDataUrl(setup.otpauthUri).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [setup]);

  if (!setup) return null;
  const account = authenticatorAccountName(setup.otpauthUri);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(setup.secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div className={styles.form}>
      <h2 id="init-app-title" className={styles.heading}>
        <Text as="span" size={500} weight="semibold">
          {t('app.heading')}
        </Text>
      </h2>
      <Text>{t('app.scan')}</Text>
      {qr ? (
        <img src={qr} alt={t('app.qrAlt')} className={styles.qr} data-testid="totp-qr" />
      ) : null}
      {account ? <Text data-testid="totp-account">{t('app.accountName', { account })}</Text> : null}
      <div>
        <Button
          appearance="secondary"
          aria-expanded={showKey}
          aria-controls="totp-key"
          onClick={() => setShowKey((v) => !v)}
        >
          {showKey ? t('app.hideKey') : t('app.cantScan')}
        </Button>
      </div>
      {showKey ? (
        <div id="totp-key" className={styles.form}>
          <Text>{t('app.keyIntro')}</Text>
          <div className={styles.keyBox}>
            <Text weight="semibold">{t('app.keyLabel')}</Text>
            <code className={styles.key} data-testid="totp-key">
              {groupKey(setup.secret)}
            </code>
            <Button icon={<Copy20Regular />} onClick={() => void copy()}>
              {t('app.copyKey')}
            </Button>
          </div>
          <span role="status">
            {copyState === 'copied'
              ? t('common:copied')
              : copyState === 'failed'
                ? t('common:copyFailed')
                : ''}
          </span>
        </div>
      ) : null}
      <Text>{t('app.enterCode')}</Text>
      <ConfirmCodeForm
        inputRef={codeRef}
        extraActions={
          <Button type="button" size="large" onClick={() => setChoosingAgain(true)}>
            {t('init:otherMethod')}
          </Button>
        }
      />
    </div>
  );
}
