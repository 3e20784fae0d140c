// The installer's configuration: valid for electron-builder (its own schema validation), and
// saying what the brief requires: per-machine MSI with a fixed upgrade code, only dist/ and the two
// native modules (keychain, registry) packaged, never the simulator, asar with only their binaries
// unpacked, SHA-256 signatures with an RFC 3161 timestamp. What the patterns really select is
// packaging-files.test.ts's business.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { distConfig } from '../../scripts/packaging/dist-preconditions.js';
import { planSigning } from '../../scripts/packaging/signing-plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const load = (overrides: Configuration | null = null) =>
  getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), overrides && structuredClone(overrides));

/** Azure Trusted Signing as a release pipeline sets it (names only; the secret is a placeholder). */
const AZURE_ENV = {
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'placeholder',
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'ccms-signing',
  AZURE_TRUSTED_SIGNING_PROFILE: 'ccms-public',
};

const azurePlan = () => planSigning(AZURE_ENV, 'CCMS Terminal Project').plan;

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

  it('packages only dist/ and the native modules, never the simulator or its dependencies', async () => {
    const cfg = await load();
    const p = patterns(cfg);
    const includes = p.filter((x) => !x.startsWith('!'));
    for (const inc of includes)
      expect(inc, inc).toMatch(
        /^(package\.json|dist\/(electron|renderer)\/|node_modules\/(@napi-rs\/keyring|native-reg\/(package\.json|lib\/|prebuilds\/win32-x64\/)|node-gyp-build\/))/,
      );
    expect(includes).toContain('node_modules/native-reg/prebuilds/win32-x64/**/*');
    expect(includes).toContain('node_modules/@napi-rs/keyring-win32-x64-msvc/**/*');
    expect(p).toContain('!**/node_modules/**/*');
    expect(p).toContain('!**/*.map');
    expect(p).toContain('!simulator/**/*');
    expect(cfg.extraMetadata?.['main']).toBe('dist/electron/main.cjs');
  });

  it('uses asar, unpacks only the native binaries, and sets the security fuses', async () => {
    const cfg = await load();
    expect(cfg.asar).toEqual({ smartUnpack: false });
    expect(cfg.asarUnpack).toEqual([
      'node_modules/@napi-rs/keyring*/**/*.node',
      'node_modules/native-reg/prebuilds/win32-x64/*.node',
    ]);
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('signs with SHA-256 only and an RFC 3161 timestamp; code signing is forced only by dist.ts', async () => {
    const cfg = await load();
    // For an MSI electron-builder signs with one algorithm: SHA-1 unless the list leaves it out.
    expect(cfg.win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
    expect(cfg.win?.signtoolOptions?.rfc3161TimeStampServer).toMatch(/^https?:\/\/\S+$/);
    expect(cfg.forceCodeSigning).toBe(false);
    // No certificate, password or secret in the file: electron-builder reads them from the environment.
    const text = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword)\s*:/m,
    );
  });

  it("a release's configuration from dist.ts (Azure Trusted Signing) passes electron-builder's validation", async () => {
    const cfg = await load(distConfig(true, azurePlan()));
    await expect(validateConfiguration(cfg, new DebugLogger(false))).resolves.toBeUndefined();
    expect(cfg.forceCodeSigning).toBe(true);
    expect(cfg.win?.signtoolOptions).toBeNull();
    expect(cfg.win?.azureSignOptions).toMatchObject({
      codeSigningAccountName: 'ccms-signing',
      certificateProfileName: 'ccms-public',
      timestampRfc3161: 'http://timestamp.acs.microsoft.com',
    });
  });

  it('the validation bites on signing options too: a misnamed Azure option is rejected', async () => {
    const plan = azurePlan();
    if (plan.kind !== 'azure') throw new Error('no Azure plan');
    const { certificateProfileName, ...rest } = plan.options;
    const misnamed = { ...rest, certificateProfile: certificateProfileName };
    const cfg = await load({ win: { azureSignOptions: misnamed } } as unknown as Configuration);
    await expect(validateConfiguration(cfg, new DebugLogger(false))).rejects.toThrow(
      /configuration\.win\.azureSignOptions/,
    );
  });
});
