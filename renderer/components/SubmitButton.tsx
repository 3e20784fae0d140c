import type { ReactNode } from 'react';
import { Button, Spinner, makeStyles } from '@fluentui/react-components';
import { visuallyHidden } from './visually-hidden.js';

const useStyles = makeStyles({ hidden: visuallyHidden });

/** Props of SubmitButton. */
export interface SubmitButtonProps {
  /** True while the form's request is under way. */
  pending: boolean;
  /** What a screen reader hears while pending ("Signing in…"). */
  pendingText: string;
  children: ReactNode;
  /** Nothing can succeed now (e.g. maintenance): inactive but focusable, the reason said nearby. */
  unavailable?: boolean;
}

/**
 * A form's primary submit button. While pending it shows a spinner and stays focusable (so focus
 * is not lost mid-request) but inactive, and the progress is announced in a status region.
 */
export function SubmitButton({ pending, pendingText, children, unavailable }: SubmitButtonProps) {
  const styles = useStyles();
  return (
    <>
      <Button
        appearance="primary"
        type="submit"
        size="large"
        disabledFocusable={pending || unavailable === true}
        icon={pending ? <Spinner size="tiny" aria-hidden="true" /> : undefined}
      >
        {children}
      </Button>
      <span role="status" className={styles.hidden}>
        {pending ? pendingText : ''}
      </span>
    </>
  );
}
