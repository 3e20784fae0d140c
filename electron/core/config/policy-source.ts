import { createFilePolicySource, defaultPolicyFile } from './file-policy-source.js';
import type { PolicySource } from './policy-read.js';
import { createRegistryPolicySource } from './registry-policy-source.js';

export type { PolicyRead, PolicySource } from './policy-read.js';
export { createFilePolicySource, defaultPolicyFile } from './file-policy-source.js';
export {
  createRegistryPolicySource,
  POLICY_REGISTRY_KEY,
  type RegistryAccess,
} from './registry-policy-source.js';

/** Picks the policy source: explicit file, else the registry on Windows, else `CCMS_POLICY_FILE` or the default file. */
export function defaultPolicySource(
  opts: { file?: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): PolicySource {
  const platform = opts.platform ?? process.platform;
  if (opts.file) return createFilePolicySource(opts.file);
  // On Windows the policy is IT's registry key only: a user-set variable must not replace it.
  if (platform === 'win32') return createRegistryPolicySource();
  const fromEnv = (opts.env ?? process.env)['CCMS_POLICY_FILE'];
  return createFilePolicySource(fromEnv && fromEnv.trim() ? fromEnv : defaultPolicyFile(platform));
}
