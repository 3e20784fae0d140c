// What `npm run dist` checks before it starts electron-builder, as one pure decision over the
// arguments, the environment and a listing of the few files that matter, so that every refusal
// is unit-tested (dist-preconditions.test.ts) and scripts/dist.ts only gathers facts and prints.
import { parseArgs } from 'node:util';
import type { Configuration } from 'electron-builder';
import { describeSigning, planSigning, type Env, type SigningPlan } from './signing-plan.js';

/** What scripts/dist.ts reads from the project: file paths (relative, `/`) and package fields. */
export interface DistFacts {
  /** Relative paths of the files under the directories listed in FACT_DIRECTORIES. */
  readonly files: readonly string[];
  readonly productVersion: string;
  /** package.json `author.name`: electron-builder writes it as the MSI's Manufacturer. */
  readonly authorName: string | undefined;
  /** The version of @napi-rs/keyring and the version of the binding it expects. */
  readonly keyringVersion: string | undefined;
  readonly keyringBindingExpected: string | undefined;
  /** The version of the installed Windows binding package, if any. */
  readonly keyringBindingVersion: string | undefined;
}

/** The Windows x64 keychain binding: an optional dependency npm installs only on Windows x64. */
export const KEYRING_BINDING = '@napi-rs/keyring-win32-x64-msvc';

/** The directories whose files DistFacts.files lists (not recursive). */
export const FACT_DIRECTORIES = [
  'dist/electron',
  'dist/renderer',
  `node_modules/${KEYRING_BINDING}`,
  'node_modules/native-reg/lib',
  'node_modules/native-reg/prebuilds/win32-x64',
  'node_modules/node-gyp-build',
] as const;

/** `npm run dist` arguments. */
export interface DistArgs {
  readonly release: boolean;
}

/** Parses `--release`; CCMS_RELEASE=1 (or true) asks for a release too. Throws on anything else. */
export function parseDistArgs(argv: readonly string[], env: Env): DistArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { release: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const fromEnv = ['1', 'true'].includes((env['CCMS_RELEASE'] ?? '').trim().toLowerCase());
  return { release: values.release === true || fromEnv };
}

/** Either everything electron-builder needs, or every reason it cannot start. */
export type DistDecision =
  | {
      readonly ok: true;
      readonly signing: SigningPlan;
      /** Merged by electron-builder over electron-builder.yml. */
      readonly config: Configuration;
      /** The one line printed before the build. */
      readonly summary: string;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** A file directly in `dir` ending in `suffix` (the listing is not recursive). */
const has = (files: readonly string[], dir: string, suffix: string) =>
  files.some((f) => f.startsWith(`${dir}/`) && f.endsWith(suffix));

/** The native bindings and the built app: what the packaged app loads at run time. */
function missingFiles(facts: DistFacts): string[] {
  const problems: string[] = [];
  const { files } = facts;
  for (const built of [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
  ])
    if (!files.includes(built))
      problems.push(
        `Missing ${built}: build the app first (\`npm run dist\` does: vite build, then scripts/build-electron.ts).`,
      );

  const expected = facts.keyringBindingExpected ?? facts.keyringVersion ?? '<version>';
  if (!has(files, `node_modules/${KEYRING_BINDING}`, '.node'))
    problems.push(
      `Missing the Windows keychain binding node_modules/${KEYRING_BINDING}/*.node ` +
        `(package ${KEYRING_BINDING}, for the Windows Credential Manager). npm installs this optional ` +
        'dependency only on Windows x64: run `npm ci` on a Windows x64 build machine ' +
        `(to stage it on another OS: \`npm install --no-save --force ${KEYRING_BINDING}@${expected}\`).`,
    );
  else if (
    facts.keyringBindingExpected &&
    facts.keyringBindingVersion !== facts.keyringBindingExpected
  )
    problems.push(
      `node_modules/${KEYRING_BINDING} is version ${facts.keyringBindingVersion ?? 'unknown'}, but ` +
        `@napi-rs/keyring ${facts.keyringVersion ?? ''} was built with ${facts.keyringBindingExpected}: run \`npm ci\`.`,
    );

  if (!has(files, 'node_modules/native-reg/prebuilds/win32-x64', '.node'))
    problems.push(
      'Missing the Windows registry reader node_modules/native-reg/prebuilds/win32-x64/*.node ' +
        '(package native-reg, which reads machine policy; its package ships the prebuilt binary on ' +
        'every OS): run `npm ci`.',
    );
  else if (!files.includes('node_modules/native-reg/lib/index.js'))
    problems.push(
      'Missing node_modules/native-reg/lib/index.js (package native-reg): run `npm ci`.',
    );

  if (!files.includes('node_modules/node-gyp-build/node-gyp-build.js'))
    problems.push(
      'Missing node_modules/node-gyp-build (package node-gyp-build: native-reg finds its binary ' +
        'through it at run time): run `npm ci`.',
    );
  return problems;
}

/** What scripts/dist.ts hands electron-builder on top of electron-builder.yml. */
export function distConfig(release: boolean, plan: SigningPlan): Configuration {
  if (plan.kind !== 'azure') return { forceCodeSigning: release };
  return {
    forceCodeSigning: release,
    // electron-builder ignores signtool's options beside Azure's, with a warning: drop them.
    win: { azureSignOptions: { ...plan.options }, signtoolOptions: null },
  };
}

/** Decides whether and how to build the MSI. */
export function decideDist(args: DistArgs, env: Env, facts: DistFacts): DistDecision {
  const problems = missingFiles(facts);
  if (!facts.authorName)
    problems.push(
      'package.json has no author.name: electron-builder writes it as the MSI Manufacturer ' +
        '(else it falls back to the product name).',
    );

  const { plan, problems: signingProblems } = planSigning(env, facts.authorName ?? 'CCMS Terminal');
  problems.push(...signingProblems);
  if (args.release && plan.kind === 'unsigned' && signingProblems.length === 0)
    problems.push(
      'A release must be signed and no signing is set up. Set WIN_CSC_LINK or CSC_LINK (the .pfx ' +
        'certificate: a file path, https URL or base64) with WIN_CSC_KEY_PASSWORD or ' +
        'CSC_KEY_PASSWORD, or Azure Trusted Signing (AZURE_TRUSTED_SIGNING_ENDPOINT, ' +
        'AZURE_TRUSTED_SIGNING_ACCOUNT, AZURE_TRUSTED_SIGNING_PROFILE, AZURE_TENANT_ID, ' +
        'AZURE_CLIENT_ID, AZURE_CLIENT_SECRET). See build/README.md.',
    );
  // electron-builder skips the timestamp when offline; an untimestamped signature dies with the
  // certificate, and every installed MSI with it.
  if (args.release && (env['ELECTRON_BUILDER_OFFLINE'] ?? '') === 'true')
    problems.push(
      'ELECTRON_BUILDER_OFFLINE=true makes electron-builder sign without a timestamp: a release must be timestamped.',
    );
  if (problems.length > 0) return { ok: false, problems };

  const config = distConfig(args.release, plan);
  const kind = args.release ? 'release' : 'development build';
  const signed = describeSigning(plan);
  const note =
    plan.kind === 'unsigned' ? ': for testing only, Windows warns whoever installs it' : '';
  return {
    ok: true,
    signing: plan,
    config,
    summary: `Building the CCMS Terminal ${facts.productVersion} MSI for Windows x64 (${kind}), ${signed}${note}.`,
  };
}
