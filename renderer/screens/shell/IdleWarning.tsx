import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { secondsUntil } from '../../components/time-left.js';
import { focusAfterDialogs, focusIsLost } from '../../components/use-focus-when-lost.js';
import { useNow } from '../../components/use-now.js';
import { useShellStore } from '../../state/shell-store.js';
import { useShellStyles } from './shell-styles.js';

/** The warning before the idle lock: a live countdown and "Stay signed in". */
export function IdleWarning() {
  const { t } = useTranslation('shell');
  const styles = useShellStyles();
  const idleLockAt = useShellStore((s) => s.idleLockAt);
  const staySignedIn = useShellStore((s) => s.staySignedIn);
  const now = useNow(1000, idleLockAt !== null);
  const open = idleLockAt !== null;
  const count = open ? secondsUntil(idleLockAt, now) : 0;
  // The warning opens by itself, not from a control, so Fluent has nothing to give focus back to:
  // "Stay signed in" returns it to where the user was (the lock, if it comes, places its own).
  // A layout effect: it runs before the dialog's own effect moves focus into it.
  const before = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) {
      before.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const back = before.current;
    before.current = null;
    if (!back) return;
    return focusAfterDialogs(() => (back.isConnected && focusIsLost() ? back : null));
  }, [open]);

  return (
    // An alert dialog: it takes focus (on "Stay signed in") so one key press keeps the session.
    // Kept mounted and closed through `open`, so Fluent restores focus and the page's visibility.
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, d) => !d.open && open && void staySignedIn()}
    >
      <DialogSurface aria-describedby="idle-warning-body">
        <DialogBody>
          <DialogTitle>{t('idle.title')}</DialogTitle>
          <DialogContent id="idle-warning-body">
            <p className={styles.countdown} data-testid="idle-countdown">
              {t('idle.body', { count })}
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void staySignedIn()}>
              {t('idle.stay')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
