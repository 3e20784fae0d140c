import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, dataLayout } from './app-identity.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('app identity', () => {
  it("uses the MSI shortcut's AppUserModelID (electron-builder.yml appId)", () => {
    const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    const appId = /^appId:\s*(\S+)\s*$/m.exec(yml)?.[1];
    expect(appId).toBe(APP_USER_MODEL_ID);
  });
});

describe('data layout', () => {
  const win = {
    platform: 'win32' as const,
    userData: 'C:\\Users\\op\\AppData\\Roaming\\CCMS Terminal',
    localAppData: 'C:\\Users\\op\\AppData\\Local',
    userDataOverridden: false,
  };

  it('keeps logs, session data and crash dumps out of the roaming profile on Windows', () => {
    expect(dataLayout(win)).toEqual({
      userData: 'C:\\Users\\op\\AppData\\Roaming\\CCMS Terminal',
      sessionData: 'C:\\Users\\op\\AppData\\Local\\CCMS Terminal\\Session',
      logs: 'C:\\Users\\op\\AppData\\Local\\CCMS Terminal\\logs',
      crashDumps: 'C:\\Users\\op\\AppData\\Local\\CCMS Terminal\\Crashpad',
      workstation: 'C:\\Users\\op\\AppData\\Local\\CCMS Terminal',
    });
  });

  it('keeps everything under an explicit --user-data-dir', () => {
    const l = dataLayout({ ...win, userData: 'D:\\t\\profile', userDataOverridden: true });
    expect(l.logs).toBe('D:\\t\\profile\\logs');
    expect(l.sessionData).toBe('D:\\t\\profile\\Session');
    expect(l.workstation).toBe('D:\\t\\profile');
  });

  it('uses the user data folder where there is no local app data (Linux, macOS)', () => {
    const l = dataLayout({
      platform: 'linux',
      userData: '/home/op/.config/CCMS Terminal',
      userDataOverridden: false,
    });
    expect(l.logs).toBe('/home/op/.config/CCMS Terminal/logs');
    expect(l.crashDumps).toBe('/home/op/.config/CCMS Terminal/Crashpad');
  });
});
