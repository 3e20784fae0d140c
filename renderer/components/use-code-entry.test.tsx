import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtpInput } from './OtpInput.js';
import { useCodeEntry } from './use-code-entry.js';

/** A form as the OTP prompt, the lock screen and the set-up's confirmation build it. */
function CodeForm({ send, pending = false }: { send(code: string): void; pending?: boolean }) {
  const entry = useCodeEntry({ pending, send, requiredMessage: 'Enter the 6 digits.' });
  return (
    <FluentProvider theme={webLightTheme}>
      <form onSubmit={entry.onSubmit} noValidate>
        <OtpInput label="One-time password" {...entry.field} />
        <button type="submit">Verify</button>
      </form>
    </FluentProvider>
  );
}

const field = () => screen.getByLabelText<HTMLInputElement>('One-time password');

afterEach(cleanup);

describe('useCodeEntry', () => {
  it('sends full-width digits typed with a Chinese IME as ASCII digits, and empties the field', () => {
    const send = vi.fn();
    render(<CodeForm send={send} />);
    // Full-width mode types one character at a time: each arrives NFKC-normalised.
    for (const ch of '１２３４５６') {
      fireEvent.change(field(), { target: { value: field().value + ch } });
    }
    expect(send).toHaveBeenCalledExactlyOnceWith('123456');
    expect(field().value).toBe('');
  });

  it('takes a pasted full-width code with an ideographic space and a full-width dash', () => {
    const send = vi.fn();
    render(<CodeForm send={send} />);
    fireEvent.paste(field(), { clipboardData: { getData: () => '１２３　－４５６' } });
    expect(send).toHaveBeenCalledExactlyOnceWith('123456');
  });

  it('asks for six digits on a short submit, puts the caret back and sends nothing', async () => {
    const send = vi.fn();
    render(<CodeForm send={send} />);
    fireEvent.change(field(), { target: { value: '１２３' } });
    expect(field().value).toBe('123');
    await act(async () => screen.getByRole('button', { name: 'Verify' }).click());
    expect(screen.getByText('Enter the 6 digits.')).toBeTruthy();
    expect(document.activeElement).toBe(field());
    expect(send).not.toHaveBeenCalled();
    // The sixth digit is enough: the message goes and the code is sent.
    fireEvent.change(field(), { target: { value: '123456' } });
    expect(screen.queryByText('Enter the 6 digits.')).toBeNull();
    expect(send).toHaveBeenCalledExactlyOnceWith('123456');
  });

  it('sends nothing while a code is on its way', async () => {
    const send = vi.fn();
    render(<CodeForm send={send} pending />);
    expect(field().disabled).toBe(true);
    await act(async () => screen.getByRole('button', { name: 'Verify' }).click());
    expect(send).not.toHaveBeenCalled();
    expect(screen.queryByText('Enter the 6 digits.')).toBeNull();
  });
});
