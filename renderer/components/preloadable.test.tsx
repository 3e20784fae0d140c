import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable.js';

function Screen() {
  return <h1>Terminal</h1>;
}

describe('preloadable', () => {
  it('draws a preloaded screen at once, without a Suspense fallback', async () => {
    let loads = 0;
    const shell = preloadable(async () => {
      loads += 1;
      return { default: Screen };
    });
    await shell.preload();
    await shell.preload();
    render(
      <Suspense fallback={<p>Loading</p>}>
        <shell.Component />
      </Suspense>,
    );
    // Synchronously after render: no fallback was shown.
    expect(screen.getByRole('heading', { name: 'Terminal' })).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
    expect(loads).toBe(1);
  });

  it('suspends until loaded when not preloaded, and a failed fetch can be tried again', async () => {
    let fail = true;
    const shell = preloadable(async () => {
      if (fail) throw new Error('chunk failed');
      return { default: Screen };
    });
    await expect(shell.preload()).rejects.toThrow('chunk failed');
    fail = false;
    render(
      <Suspense fallback={<p>Loading</p>}>
        <shell.Component />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Terminal' })).toBeTruthy();
  });
});
