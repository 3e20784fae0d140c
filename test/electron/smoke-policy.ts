// The machine policy that points a packaged CCMS Terminal at a simulator. A packaged app ignores
// CCMS_SIM_* (electron/main.ts); its hosts come only from machine policy: the registry on Windows
// (which the install job writes), a JSON file elsewhere (CCMS_POLICY_FILE). The Windows workflow
// imports these functions so the registry it writes is the policy this suite expects.
import { EnvironmentId } from '../../shared/bridge.js';
import type { MachinePolicy } from '../../electron/core/config/machine-policy.js';

/** Where the simulator under test listens and which CA signed its certificate. */
export interface SimulatorHost {
  /** e.g. https://127.0.0.1:7443 */
  url: string;
  /** The simulator's CA certificate (PEM file), trusted through the policy's extra CAs. */
  caCertPath: string;
}

/**
 * The environment the policy must allow (and allow alone): the only one whose host the policy can
 * point at the simulator. Production and Connectivity Test keep their real names; listing another
 * environment first would make it the default choice (electron/core/config/config-store.ts).
 */
export function smokeEnvironment(): EnvironmentId {
  return EnvironmentId.enum.simulator;
}

/** The policy document (JSON file off Windows). */
export function smokeMachinePolicy(host: SimulatorHost): MachinePolicy {
  return {
    hostUrls: { [smokeEnvironment()]: host.url },
    extraCaCertificates: [host.caCertPath],
    allowedEnvironments: [smokeEnvironment()],
  };
}

/** One value under the policy key (build/policy/ccms-terminal.admx names them). */
export interface RegistryValue {
  name: string;
  type: 'REG_SZ' | 'REG_MULTI_SZ';
  /** A REG_MULTI_SZ as its list of strings. */
  data: string | string[];
}

/** The same policy as the registry values the Windows install job writes. */
export function smokeRegistryValues(host: SimulatorHost): RegistryValue[] {
  return [
    { name: 'SimulatorUrl', type: 'REG_SZ', data: host.url },
    { name: 'ExtraCaCertificates', type: 'REG_MULTI_SZ', data: [host.caCertPath] },
    { name: 'AllowedEnvironments', type: 'REG_MULTI_SZ', data: [smokeEnvironment()] },
  ];
}
