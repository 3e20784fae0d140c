import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { OtpInputProps } from './OtpInput.js';
import { OTP_LENGTH } from './otp-code.js';

/** What a screen that asks for a six-digit code tells the entry. */
export interface CodeEntryOptions {
  /** A request with a code is on its way: no other is sent. */
  pending: boolean;
  /** Sends a complete code (the field is already empty by then). */
  send(code: string): unknown;
  /** Shown under the field when fewer than six digits were submitted. */
  requiredMessage: string;
  /** The field, when the screen also moves focus to it; otherwise the entry keeps its own. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** The field's props for `OtpInput`, and the form's submit handler. */
export interface CodeEntry {
  field: Pick<
    OtpInputProps,
    'value' | 'onChange' | 'onComplete' | 'validationMessage' | 'inputRef' | 'disabled'
  >;
  onSubmit(event: FormEvent): void;
}

/**
 * A six-digit code typed, pasted or filled in (OtpInput normalises it): sent at the sixth digit or
 * on submit, never with fewer (the field says so and takes focus), never twice while one is on
 * its way. The code leaves component state as it is sent, and lives in no store: a wrong code is
 * typed again, not edited.
 */
export function useCodeEntry({
  pending,
  send,
  requiredMessage,
  inputRef,
}: CodeEntryOptions): CodeEntry {
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;

  const submit = (value: string) => {
    if (pending) return;
    if (value.length !== OTP_LENGTH) {
      setIncomplete(true);
      ref.current?.focus();
      return;
    }
    setIncomplete(false);
    setCode('');
    void send(value);
  };

  return {
    field: {
      value: code,
      onChange(value) {
        setCode(value);
        if (value.length === OTP_LENGTH) setIncomplete(false);
      },
      onComplete: submit,
      validationMessage: incomplete ? requiredMessage : undefined,
      inputRef: ref,
      disabled: pending,
    },
    onSubmit(event) {
      event.preventDefault();
      submit(code);
    },
  };
}
