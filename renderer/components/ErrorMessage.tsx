import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

/** Props of an error message that takes focus when it appears. */
export interface ErrorMessageProps {
  message: string | null;
  title?: string;
  /** Move keyboard focus to the message when it appears (after a failed submit). */
  focus?: boolean;
  intent?: 'error' | 'warning';
  /** Changes on every new occurrence (e.g. the error object) so a repeated message refocuses. */
  trigger?: unknown;
}

/** A role=alert message; screen readers announce it and keyboard users land on it. */
export function ErrorMessage(props: ErrorMessageProps) {
  const { message, title, focus = true, intent = 'error', trigger } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && focus) ref.current?.focus();
  }, [message, focus, trigger]);
  if (!message) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="ccms-focus-target">
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
          {message}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
