import { afterEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, T0, type TestHost } from './harness.js';

const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms).toISOString();
// A window from 1 h to 2.5 h after the start, and one that ended before it.
const WINDOW = {
  startsAt: at(60 * MIN),
  endsAt: at(150 * MIN),
  title: 'Quarterly upgrade',
  titleZh: '季度系統升級',
};
const PAST = { startsAt: at(-120 * MIN), endsAt: at(-60 * MIN) };

describe('maintenance windows: announced in /health, login refused during one', () => {
  let host: TestHost;
  afterEach(async () => host?.close());

  const login = (userId = 'C00101', password = SEED_PASSWORDS[userId]) =>
    host.call('POST', '/auth/login', { userId, password });

  it('announces the windows not yet over in GET /health, soonest first; none by default', async () => {
    host = await startHost();
    expect((await host.call('GET', '/health')).body.maintenance).toEqual([]);
    await host.close();
    host = await startHost({ maintenanceWindows: [WINDOW, PAST] });
    expect((await host.call('GET', '/health')).body.maintenance).toEqual([WINDOW]);
    host.clock.advance(150 * MIN);
    expect((await host.call('GET', '/health')).body.maintenance).toEqual([]);
  });

  it('refuses login during a window with HOST_MAINTENANCE 503 and its end, the right password or not', async () => {
    host = await startHost({ maintenanceWindows: [WINDOW] });
    expect((await login()).status).toBe(200);
    host.clock.advance(60 * MIN);
    const right = await login();
    expect(right.status).toBe(503);
    expect(right.body.error).toMatchObject({ code: 'HOST_MAINTENANCE', endsAt: WINDOW.endsAt });
    // Unknown ID, wrong password: the same answer, so it tells nothing about the user.
    expect((await login('C09999', 'Wrong-Pass-000!')).body).toEqual(right.body);
    host.clock.advance(90 * MIN);
    expect((await login()).status).toBe(200);
  });

  it('does not count a refused login as an attempt: five during a window lock nothing', async () => {
    host = await startHost({ maintenanceWindows: [WINDOW] });
    host.clock.advance(60 * MIN);
    for (let i = 0; i < 6; i++) {
      expect((await login('C00101', 'Wrong-Pass-000!')).body.error.code).toBe('HOST_MAINTENANCE');
    }
    host.clock.advance(90 * MIN);
    const first = await login('C00101', 'Wrong-Pass-000!');
    expect(first.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', attemptsLeft: 4 });
  });

  it('refuses a malformed window in the settings, naming it', async () => {
    await expect(
      startHost({ maintenanceWindows: [{ startsAt: at(60 * MIN), endsAt: at(0) }] }),
    ).rejects.toThrow(/maintenanceWindows\.0.*endsAt must follow startsAt/);
  });
});
