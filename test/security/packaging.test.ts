// The installer's configuration: valid for electron-builder (its own schema validation), and
// saying what the brief requires: per-machine MSI with a fixed upgrade code, only dist/ and the
// keychain's native module packaged, never the simulator, asar with the native module unpacked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';

const ROOT = path.resolve(import.meta.dirname, '../..');
const load = () => getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);

/** The include/exclude patterns of `files`, flattened. */
function patterns(cfg: Configuration): string[] {
  const files = cfg.files;
  const list = Array.isArray(files) ? files : files ? [files] : [];
  return list.flatMap((f) => (typeof f === 'string' ? [f] : [f.filter ?? []].flat()));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(
      validateConfiguration(await load(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('the validation bites: an unknown MSI option is rejected', async () => {
    const cfg = await load();
    const broken = {
      ...cfg,
      msi: { ...cfg.msi, perMachineTypo: true },
    } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.msi/,
    );
  });

  it('builds a per-machine MSI with a fixed upgrade code', async () => {
    const cfg = await load();
    expect(cfg.productName).toBe('CCMS Terminal');
    expect(cfg.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(JSON.stringify(cfg.win?.target)).toContain('"msi"');
    expect(cfg.msi?.perMachine).toBe(true);
    expect(cfg.msi?.upgradeCode).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
  });

  it('packages only dist/ and the keychain module, never the simulator or its dependencies', async () => {
    const cfg = await load();
    const p = patterns(cfg);
    const includes = p.filter((x) => !x.startsWith('!'));
    for (const inc of includes)
      expect(inc, inc).toMatch(
        /^(package\.json|dist\/(electron|renderer)\/|node_modules\/@napi-rs\/keyring)/,
      );
    expect(p).toContain('!**/node_modules/**/*');
    expect(p).toContain('!simulator/**/*');
    expect(cfg.extraMetadata?.['main']).toBe('dist/electron/main.cjs');
  });

  it('uses asar, unpacks the native keychain module, and sets the security fuses', async () => {
    const cfg = await load();
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toEqual(['node_modules/@napi-rs/keyring*/**/*.node']);
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
