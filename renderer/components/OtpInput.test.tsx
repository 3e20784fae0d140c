import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtpInput } from './OtpInput.js';
import { normaliseOtp } from './otp-code.js';

/** The input as a screen would use it: it owns the value, the parent submits. */
function Harness({ onComplete }: { onComplete(code: string): void }) {
  const [value, setValue] = useState('');
  return (
    <FluentProvider theme={webLightTheme}>
      <OtpInput
        label="One-time password"
        value={value}
        onChange={setValue}
        onComplete={onComplete}
      />
    </FluentProvider>
  );
}

function paste(input: HTMLElement, text: string) {
  fireEvent.paste(input, { clipboardData: { getData: () => text } });
}

afterEach(cleanup);

describe('OtpInput', () => {
  it('is one labelled field for the OS one-time-code autofill and the numeric keypad', () => {
    render(<Harness onComplete={() => undefined} />);
    const input = screen.getByLabelText('One-time password');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('trims spaces and dashes from a pasted code and submits it', () => {
    const onComplete = vi.fn();
    render(<Harness onComplete={onComplete} />);
    const input = screen.getByLabelText<HTMLInputElement>('One-time password');
    paste(input, ' 123 - 456\n');
    expect(input.value).toBe('123456');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('keeps a partial paste without submitting it', () => {
    const onComplete = vi.fn();
    render(<Harness onComplete={onComplete} />);
    const input = screen.getByLabelText<HTMLInputElement>('One-time password');
    paste(input, '12-34');
    expect(input.value).toBe('1234');
    expect(onComplete).not.toHaveBeenCalled();
  });

  it('submits at the sixth typed digit, not before, and ignores letters', () => {
    const onComplete = vi.fn();
    render(<Harness onComplete={onComplete} />);
    const input = screen.getByLabelText<HTMLInputElement>('One-time password');
    for (const ch of '12a345') {
      fireEvent.change(input, { target: { value: input.value + ch } });
    }
    expect(input.value).toBe('12345');
    expect(onComplete).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: `${input.value}6` } });
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456');
  });
});

describe('normaliseOtp', () => {
  it.each([
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['123\u2013456', '123456'],
    ['\t1 2 3 4 5 6 7', '123456'],
    // A Chinese IME in full-width mode: NFKC turns the digits, space and dash into ASCII ones.
    ['１２３４５６', '123456'],
    ['１２３　４５６', '123456'],
    ['１２３－４５６', '123456'],
    ['', ''],
  ])('turns %j into %j', (raw, expected) => {
    expect(normaliseOtp(raw)).toBe(expected);
  });
});
