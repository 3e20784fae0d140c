import { Field, Input, makeStyles } from '@fluentui/react-components';
import type { ClipboardEvent, Ref } from 'react';
import { OTP_LENGTH, normaliseOtp } from './otp-code.js';

/** Props of the one-time password field. */
export interface OtpInputProps {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  /** Called once the sixth digit arrives (typed or pasted): the caller submits. */
  onComplete(code: string): void;
  disabled?: boolean;
  validationMessage?: string;
  inputRef?: Ref<HTMLInputElement>;
}

const useStyles = makeStyles({
  root: { maxWidth: '12rem' },
  input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
});

/**
 * One input for the whole code, so password managers and the OS (autocomplete="one-time-code")
 * can fill it and screen readers announce a single field.
 */
export function OtpInput(props: OtpInputProps) {
  const styles = useStyles();
  const { label, hint, value, onChange, onComplete, disabled, validationMessage, inputRef } = props;

  const accept = (raw: string) => {
    const code = normaliseOtp(raw);
    onChange(code);
    if (code.length === OTP_LENGTH && code !== value) onComplete(code);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    accept(event.clipboardData.getData('text'));
  };

  return (
    <Field
      label={label}
      hint={hint}
      validationMessage={validationMessage}
      validationState={validationMessage ? 'error' : 'none'}
    >
      <Input
        ref={inputRef}
        value={value}
        onChange={(_, data) => accept(data.value)}
        onPaste={onPaste}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        spellCheck={false}
        disabled={disabled}
        size="large"
        root={{ className: styles.root }}
        input={{ className: styles.input }}
      />
    </Field>
  );
}
