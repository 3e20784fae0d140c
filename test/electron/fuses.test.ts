// The packaged binary's Electron fuses, read back from the executable with @electron/fuses and
// held against electron-builder.yml. Only a packaged binary has them flipped, so this runs where
// CCMS_ELECTRON_EXECUTABLE names one (the Windows install job); the reading of the expectations
// runs everywhere.
import { existsSync } from 'node:fs';
import fuses from '@electron/fuses';
import fuseConstants from '@electron/fuses/dist/constants.js';
import { describe, expect, it } from 'vitest';
import { suiteTitle } from './electron-target.js';
import { expectedFuses, parseElectronFuses } from './fuse-expectations.js';

const executable = process.env['CCMS_ELECTRON_EXECUTABLE'];
const notPackaged = executable
  ? ''
  : 'not a packaged binary: CCMS_ELECTRON_EXECUTABLE does not name an installed CCMS Terminal';
const { FuseState } = fuseConstants;

describe('fuse expectations (electron-builder.yml)', () => {
  it('names a real fuse for every key and keeps Node out of the packaged app', () => {
    const byKey = new Map(expectedFuses().map((f) => [f.key, f.enabled]));
    expect(byKey.get('runAsNode')).toBe(false);
    expect(byKey.get('enableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(byKey.get('enableNodeCliInspectArguments')).toBe(false);
    expect(byKey.get('onlyLoadAppFromAsar')).toBe(true);
    expect(byKey.get('enableEmbeddedAsarIntegrityValidation')).toBe(true);
  });

  it('reads only the electronFuses block and refuses a key that is no fuse', () => {
    const yaml =
      'electronFuses:\n  runAsNode: false # no\n  onlyLoadAppFromAsar: true\nwin:\n  runAsNode: true\n';
    expect([...parseElectronFuses(yaml)]).toEqual([
      ['runAsNode', false],
      ['onlyLoadAppFromAsar', true],
    ]);
    expect(() => parseElectronFuses('appId: x\n')).toThrow(/electronFuses/);
  });
});

describe.skipIf(!executable)(suiteTitle('packaged binary fuses', notPackaged), () => {
  it('carries every fuse electron-builder.yml sets', async () => {
    const path = executable ?? '';
    expect(existsSync(path), `${path} does not exist`).toBe(true);
    const wire = await fuses.getCurrentFuseWire(path);
    const actual = expectedFuses().map((f) => ({
      key: f.key,
      state: wire[f.option as keyof typeof wire],
    }));
    const wanted = expectedFuses().map((f) => ({
      key: f.key,
      state: f.enabled ? FuseState.ENABLE : FuseState.DISABLE,
    }));
    expect(actual).toEqual(wanted);
  });
});
