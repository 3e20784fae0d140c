import { Button, Field, Input } from '@fluentui/react-components';
import { Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useState, type KeyboardEvent, type Ref } from 'react';

/** Props of a password field with show/hide and a Caps Lock warning. */
export interface PasswordFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  showLabel: string;
  hideLabel: string;
  capsLockLabel: string;
  validationMessage?: string;
  hint?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  /** Ids of further text that describes the field (a rule the host refused, say). */
  describedBy?: string | undefined;
  onBlur?(): void;
}

/** The field's fixed wording, the same wherever a password is typed. */
export type PasswordFieldLabels = Pick<
  PasswordFieldProps,
  'showLabel' | 'hideLabel' | 'capsLockLabel'
>;

/** A password input; the value lives in the caller's component state only, never in a store. */
export function PasswordField(props: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);

  // getModifierState is the only portable way to know Caps Lock; it is read on every key.
  const readCapsLock = (event: KeyboardEvent<HTMLInputElement>) => {
    if (typeof event.getModifierState === 'function') {
      setCapsLock(event.getModifierState('CapsLock'));
    }
  };

  const validation = props.validationMessage ?? (capsLock ? props.capsLockLabel : undefined);
  const state = props.validationMessage ? 'error' : capsLock ? 'warning' : 'none';

  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationMessage={validation}
      validationState={state}
    >
      <Input
        ref={props.inputRef}
        type={visible ? 'text' : 'password'}
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
        onKeyDown={readCapsLock}
        onKeyUp={readCapsLock}
        onBlur={() => {
          setCapsLock(false);
          props.onBlur?.();
        }}
        aria-describedby={props.describedBy}
        autoComplete={props.autoComplete}
        aria-required={props.required}
        spellCheck={false}
        autoCapitalize="off"
        disabled={props.disabled}
        size="large"
        contentAfter={
          <Button
            appearance="transparent"
            size="small"
            icon={visible ? <EyeOff20Regular /> : <Eye20Regular />}
            aria-label={visible ? props.hideLabel : props.showLabel}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
            disabled={props.disabled}
          />
        }
      />
    </Field>
  );
}
