// decideDist over a fake file system listing (FAKE_WINDOWS_TREE and variants of it): the test is
// about the decision, not about reading a disk; scripts/dist.ts reads the real one.
import { describe, expect, it } from 'vitest';
import { decideDist, parseDistArgs, type DistFacts } from './dist-preconditions.js';

/** A fake listing of a complete Windows x64 checkout after `npm ci` and the builds. */
const FAKE_WINDOWS_TREE: DistFacts = {
  files: [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node',
    'node_modules/@napi-rs/keyring-win32-x64-msvc/package.json',
    'node_modules/native-reg/lib/index.js',
    'node_modules/native-reg/prebuilds/win32-x64/node.napi.node',
    'node_modules/node-gyp-build/index.js',
    'node_modules/node-gyp-build/node-gyp-build.js',
  ],
  productVersion: '1.2.3',
  authorName: 'CCMS Terminal Project',
  keyringVersion: '2.1.2',
  keyringBindingExpected: '2.1.2',
  keyringBindingVersion: '2.1.2',
};
const without = (...gone: string[]): DistFacts => ({
  ...FAKE_WINDOWS_TREE,
  files: FAKE_WINDOWS_TREE.files.filter((f) => !gone.some((g) => f.startsWith(g))),
});
const CERT = { CSC_LINK: 'C:\\certs\\ccms.pfx', CSC_KEY_PASSWORD: 'pfx-password-never-printed' };
const AZURE = {
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'azure-secret-never-printed',
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'ccms-signing',
  AZURE_TRUSTED_SIGNING_PROFILE: 'ccms-public',
};
const dev = { release: false };
const release = { release: true };

const problems = (d: ReturnType<typeof decideDist>) => (d.ok ? [] : d.problems);

describe('parseDistArgs', () => {
  it('reads --release, or CCMS_RELEASE=1', () => {
    expect(parseDistArgs([], {})).toEqual({ release: false });
    expect(parseDistArgs(['--release'], {})).toEqual({ release: true });
    expect(parseDistArgs([], { CCMS_RELEASE: '1' })).toEqual({ release: true });
    expect(parseDistArgs([], { CCMS_RELEASE: '0' })).toEqual({ release: false });
  });

  it('refuses an unknown argument rather than building something else than asked', () => {
    expect(() => parseDistArgs(['--relase'], {})).toThrow(/relase/);
    expect(() => parseDistArgs(['msi'], {})).toThrow();
  });
});

describe('decideDist', () => {
  it('builds an unsigned development MSI and says so in one line', () => {
    const d = decideDist(dev, {}, FAKE_WINDOWS_TREE);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.signing).toEqual({ kind: 'unsigned' });
    expect(d.config).toEqual({ forceCodeSigning: false });
    expect(d.summary).toMatch(/^Building the CCMS Terminal 1\.2\.3 MSI .*UNSIGNED/);
    expect(d.summary).not.toContain('\n');
  });

  it('refuses a release without a certificate, before building, naming what to set', () => {
    const d = decideDist(release, {}, FAKE_WINDOWS_TREE);
    expect(d.ok).toBe(false);
    expect(problems(d).join('\n')).toMatch(
      /release must be signed.*CSC_LINK.*AZURE_TRUSTED_SIGNING/s,
    );
  });

  it('signs a release with the certificate electron-builder reads itself, forcing code signing', () => {
    const d = decideDist(release, CERT, FAKE_WINDOWS_TREE);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.config).toEqual({ forceCodeSigning: true });
    expect(d.signing).toEqual({ kind: 'certificate', linkVariable: 'CSC_LINK' });
    expect(d.summary).toContain('(release), signed with the certificate in CSC_LINK');
    expect(JSON.stringify(d)).not.toContain(CERT.CSC_KEY_PASSWORD);
    expect(JSON.stringify(d)).not.toContain(CERT.CSC_LINK.replace(/\\/g, '\\\\'));
  });

  it('prefers WIN_CSC_LINK, as electron-builder does', () => {
    const d = decideDist(release, { ...CERT, WIN_CSC_LINK: 'win.pfx' }, FAKE_WINDOWS_TREE);
    expect(d.ok && d.signing).toEqual({ kind: 'certificate', linkVariable: 'WIN_CSC_LINK' });
  });

  it('signs with Azure Trusted Signing: azureSignOptions from the environment, no secret in them', () => {
    const d = decideDist(release, AZURE, FAKE_WINDOWS_TREE);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.config).toEqual({
      forceCodeSigning: true,
      win: {
        azureSignOptions: {
          publisherName: 'CCMS Terminal Project',
          endpoint: 'https://weu.codesigning.azure.net',
          codeSigningAccountName: 'ccms-signing',
          certificateProfileName: 'ccms-public',
          fileDigest: 'SHA256',
          timestampRfc3161: 'http://timestamp.acs.microsoft.com',
          timestampDigest: 'SHA256',
        },
        signtoolOptions: null,
      },
    });
    expect(d.summary).toContain(
      'Azure Trusted Signing (account ccms-signing, profile ccms-public)',
    );
    expect(JSON.stringify(d)).not.toContain(AZURE.AZURE_CLIENT_SECRET);
  });

  it('refuses Azure Trusted Signing set up in part, naming what is missing', () => {
    const {
      AZURE_CLIENT_SECRET: _secret,
      AZURE_TRUSTED_SIGNING_PROFILE: _profile,
      ...partial
    } = AZURE;
    const d = decideDist(dev, partial, FAKE_WINDOWS_TREE);
    expect(problems(d).join('\n')).toMatch(
      /AZURE_TRUSTED_SIGNING_PROFILE, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH/,
    );
  });

  it('refuses a certificate and Azure at once (electron-builder would quietly pick one)', () => {
    expect(problems(decideDist(release, { ...CERT, ...AZURE }, FAKE_WINDOWS_TREE)).join()).toMatch(
      /Both a certificate \(CSC_LINK\) and Azure/,
    );
  });

  it('refuses a release that electron-builder would sign without a timestamp', () => {
    const env = { ...CERT, ELECTRON_BUILDER_OFFLINE: 'true' };
    expect(problems(decideDist(release, env, FAKE_WINDOWS_TREE)).join()).toMatch(/timestamped/);
    expect(decideDist(dev, env, FAKE_WINDOWS_TREE).ok).toBe(true);
  });

  it('refuses without the Windows keychain binding, naming the package and how to get it', () => {
    const d = decideDist(release, CERT, without('node_modules/@napi-rs/keyring-win32-x64-msvc/'));
    expect(problems(d)).toHaveLength(1);
    expect(problems(d)[0]).toMatch(/@napi-rs\/keyring-win32-x64-msvc/);
    expect(problems(d)[0]).toMatch(/npm ci.*Windows x64/);
    expect(problems(d)[0]).toContain('@napi-rs/keyring-win32-x64-msvc@2.1.2');
  });

  it('refuses the keychain package without its .node file', () => {
    const d = decideDist(dev, {}, without('node_modules/@napi-rs/keyring-win32-x64-msvc/keyring'));
    expect(problems(d).join()).toMatch(/keyring-win32-x64-msvc\/\*\.node/);
  });

  it('refuses a keychain binding of another version than @napi-rs/keyring expects', () => {
    const d = decideDist(dev, {}, { ...FAKE_WINDOWS_TREE, keyringBindingVersion: '2.0.0' });
    expect(problems(d).join()).toMatch(/version 2\.0\.0.*2\.1\.2.*npm ci/);
  });

  it("refuses without native-reg's win32-x64 prebuild or node-gyp-build, naming each", () => {
    const noPrebuild = decideDist(dev, {}, without('node_modules/native-reg/prebuilds/'));
    expect(problems(noPrebuild).join()).toMatch(
      /native-reg\/prebuilds\/win32-x64\/\*\.node.*native-reg.*npm ci/,
    );
    const noLoader = decideDist(dev, {}, without('node_modules/node-gyp-build/'));
    expect(problems(noLoader).join()).toMatch(/package node-gyp-build.*npm ci/);
  });

  it("does not take another directory's .node file for the binding", () => {
    const facts = {
      ...without('node_modules/native-reg/prebuilds/'),
      files: [
        ...without('node_modules/native-reg/prebuilds/').files,
        'node_modules/native-reg/prebuilds/win32-ia32/node.napi.node',
      ],
    };
    expect(decideDist(dev, {}, facts).ok).toBe(false);
  });

  it('refuses before a build of dist/ exists, and without an author for the Manufacturer', () => {
    expect(problems(decideDist(dev, {}, without('dist/'))).join()).toMatch(
      /dist\/electron\/main\.cjs.*dist\/electron\/preload\.cjs.*dist\/renderer\/index\.html/s,
    );
    const noAuthor = decideDist(dev, {}, { ...FAKE_WINDOWS_TREE, authorName: undefined });
    expect(problems(noAuthor).join()).toMatch(/author\.name.*Manufacturer/);
  });

  it('lists every problem at once', () => {
    expect(problems(decideDist(release, {}, without('node_modules/'))).length).toBe(4);
  });
});
