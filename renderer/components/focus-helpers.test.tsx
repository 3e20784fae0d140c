import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { useRef } from 'react';
import { useEscapeToClose } from './use-escape-to-close.js';
import { focusIsLost, useFocusWhenLost } from './use-focus-when-lost.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Tool({ onClose }: { onClose(): void }) {
  useEscapeToClose(onClose);
  return (
    <div>
      <button type="button">in the tool</button>
      <div role="dialog">
        <button type="button">in a dialog</button>
      </div>
    </div>
  );
}

function Screen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(ref);
  return (
    <h1 ref={ref} tabIndex={-1}>
      Terminal home
    </h1>
  );
}

describe('useEscapeToClose', () => {
  it('closes on Escape from anywhere in the page', () => {
    const onClose = vi.fn();
    const { getByText } = render(<Tool onClose={onClose} />);
    fireEvent.keyDown(getByText('in the tool'), { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('leaves the key to a dialog over the tool, to an IME composition and to other keys', () => {
    const onClose = vi.fn();
    const { getByText } = render(<Tool onClose={onClose} />);
    fireEvent.keyDown(getByText('in a dialog'), { key: 'Escape' });
    fireEvent.keyDown(getByText('in the tool'), { key: 'Escape', isComposing: true });
    fireEvent.keyDown(getByText('in the tool'), { key: 'Enter' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('stops listening when the tool is gone', () => {
    const onClose = vi.fn();
    const { unmount } = render(<Tool onClose={onClose} />);
    unmount();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('useFocusWhenLost', () => {
  it('puts focus on the heading when the screen appears with focus on <body>', async () => {
    vi.useFakeTimers();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusIsLost()).toBe(true);
    const { getByText } = render(<Screen />);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(document.activeElement).toBe(getByText('Terminal home'));
  });

  it('keeps focus placed on purpose (a closed tool gives it back to its opener)', async () => {
    vi.useFakeTimers();
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    render(<Screen />);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
