import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.js';
import { Gate, PasswordHasher } from './passwords.js';

describe('PasswordHasher: argon2id hashes in flight', () => {
  it('runs one hash per core unless the settings say otherwise (more only time-slice the cores)', () => {
    expect(new PasswordHasher(DEFAULT_SETTINGS).concurrency).toBe(availableParallelism());
    expect(new PasswordHasher({ ...DEFAULT_SETTINGS, argon2Concurrency: 3 }).concurrency).toBe(3);
  });

  it('the gate never lets more than its limit run, and starts the waiting ones in order', async () => {
    const gate = new Gate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const task = (n: number) =>
      gate.run(async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return n;
      });
    const all = Promise.all([1, 2, 3, 4, 5].map(task));
    while (started.length < 5) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    releases.forEach((r) => r());
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('verifies a real argon2id hash and refuses a wrong password or a malformed hash', async () => {
    const hasher = new PasswordHasher({
      ...DEFAULT_SETTINGS,
      argon2MemoryKib: 1024,
      argon2TimeCost: 1,
    });
    const stored = await hasher.hash('Correct-Horse-1');
    expect(await hasher.verify(stored, 'Correct-Horse-1')).toBe(true);
    expect(await hasher.verify(stored, 'Correct-Horse-2')).toBe(false);
    expect(await hasher.verify('not a PHC string', 'Correct-Horse-1')).toBe(false);
  });
});
