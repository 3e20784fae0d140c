import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { setupIdleAttention, type AttentionWindow } from './idle-attention.js';

/** A stand-in for Electron's BrowserWindow (its binary cannot run here): focus and flashFrame. */
class StandInWindow extends EventEmitter {
  focused = false;
  flashes: boolean[] = [];
  isDestroyed = () => false;
  isFocused = () => this.focused;
  flashFrame = (flag: boolean) => void this.flashes.push(flag);
}

function coreEmitter() {
  let listener: ((name: string, payload: unknown) => void) | undefined;
  return {
    onEvent(l: (name: string, payload: unknown) => void) {
      listener = l;
      return () => (listener = undefined);
    },
    emit: (name: string) => listener?.(name, { secondsLeft: 30 }),
  };
}

describe('idle warning attention (Electron window stand-in)', () => {
  it('flashes the taskbar button when the window is in the background, until it is focused', () => {
    const core = coreEmitter();
    const win = new StandInWindow();
    setupIdleAttention(core, () => win as unknown as AttentionWindow);
    core.emit('idleWarning');
    core.emit('idleWarning');
    expect(win.flashes).toEqual([true]);
    win.emit('focus');
    expect(win.flashes).toEqual([true, false]);
  });

  it('does not flash a focused window, nor for other events', () => {
    const core = coreEmitter();
    const win = new StandInWindow();
    win.focused = true;
    setupIdleAttention(core, () => win as unknown as AttentionWindow);
    core.emit('idleWarning');
    win.focused = false;
    core.emit('authState');
    expect(win.flashes).toEqual([]);
  });
});
