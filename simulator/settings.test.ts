import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, envName, resolveSettings, settingsFromEnv } from './settings.js';

describe('simulator settings', () => {
  it('default to the numbers of docs/protocol.md', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      totpWindowSteps: 1,
      emailOtpTtlSec: 300,
      emailResendCooldownSec: 30,
      emailMaxSends: 5,
      challengeTtlSec: 600,
      initTokenTtlSec: 1800,
      lockoutThreshold: 5,
      lockoutDurationSec: 900,
      sessionIdleSec: 900,
      sessionAbsoluteSec: 36_000,
      dmsRequestTtlSec: 86_400,
      temporaryPasswordTtlSec: 86_400,
      passwordMinLength: 10,
      passwordMaxLength: 64,
      daPasswordMinLength: 16,
      passwordHistory: 5,
      argon2MemoryKib: 19_456,
      argon2TimeCost: 2,
      argon2Parallelism: 1,
    });
  });

  it('read CCMS_SIM_<UPPER_SNAKE> variables, later sources winning', () => {
    expect(envName('lockoutDurationSec')).toBe('CCMS_SIM_LOCKOUT_DURATION_SEC');
    const env = settingsFromEnv({
      CCMS_SIM_LOCKOUT_DURATION_SEC: '60',
      CCMS_SIM_SQLITE_SYNCHRONOUS: 'NORMAL',
    });
    expect(env).toEqual({ lockoutDurationSec: 60, sqliteSynchronous: 'NORMAL' });
    expect(settingsFromEnv({ CCMS_SIM_FSYNC_BEFORE_REPLY: 'false' })).toEqual({
      fsyncBeforeReply: false,
    });
    expect(() => settingsFromEnv({ CCMS_SIM_FSYNC_BEFORE_REPLY: 'no' })).toThrow(
      /CCMS_SIM_FSYNC_BEFORE_REPLY/,
    );
    expect(
      resolveSettings({ lockoutDurationSec: 30 }, env, { lockoutDurationSec: 5 })
        .lockoutDurationSec,
    ).toBe(5);
  });

  it('read maintenance windows from CCMS_SIM_MAINTENANCE_WINDOWS as JSON, naming bad JSON', () => {
    const windows = [{ startsAt: '2026-12-05T14:00:00.000Z', endsAt: '2026-12-05T15:30:00.000Z' }];
    const env = settingsFromEnv({ CCMS_SIM_MAINTENANCE_WINDOWS: JSON.stringify(windows) });
    expect(resolveSettings(env).maintenanceWindows).toEqual(windows);
    expect(DEFAULT_SETTINGS.maintenanceWindows).toEqual([]);
    expect(() => settingsFromEnv({ CCMS_SIM_MAINTENANCE_WINDOWS: '[{' })).toThrow(
      /CCMS_SIM_MAINTENANCE_WINDOWS: .* is not JSON/,
    );
  });

  it('name the setting or variable that is wrong', () => {
    expect(() => settingsFromEnv({ CCMS_SIM_LOCKOUT_THRESHOLD: 'five' })).toThrow(
      /CCMS_SIM_LOCKOUT_THRESHOLD/,
    );
    expect(() => resolveSettings({ lockoutThreshold: 0 })).toThrow(/lockoutThreshold/);
    expect(() => resolveSettings({ noSuchRule: 1 })).toThrow(/noSuchRule/);
    expect(() => resolveSettings({ passwordMinLength: 70 })).toThrow(/passwordMinLength exceeds/);
  });
});
