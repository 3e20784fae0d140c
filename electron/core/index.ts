// The core's public face: what electron/main.ts and browser mode compose. Plain Node, no Electron.
export { createCore, type Core, type CoreOptions, type NetworkPolicy } from './create-core.js';
export {
  systemClock,
  createSystemClock,
  ManualClock,
  type Clock,
  type TimerHandle,
} from './clock.js';
export { HostClient, type HostClientOptions } from './host/host-client.js';
export {
  createFilePolicySource,
  createRegistryPolicySource,
  defaultPolicySource,
  type PolicySource,
  type PolicyRead,
} from './config/policy-source.js';
export { MachinePolicy } from './config/machine-policy.js';
export type { Keychain } from './vault/vault.js';
