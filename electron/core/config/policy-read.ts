/** What reading the machine policy found. */
export type PolicyRead =
  | { kind: 'absent' }
  | {
      kind: 'ok';
      /** The policy document (JSON-shaped, as MachinePolicy describes it). */
      raw: unknown;
      /** Fields whose stored value could not be taken (e.g. a wrong registry type), by path. */
      rejected?: ReadonlyMap<string, string>;
      /** Names found at the source that are no policy setting (registry values). */
      unknown?: readonly string[];
    }
  | { kind: 'unreadable'; message: string };

/** Where the machine policy comes from: the Windows registry or a JSON file. */
export interface PolicySource {
  /** Names the source in messages (a file path or a registry key). */
  readonly location: string;
  /** How messages name a setting: its registry value name or its place in the JSON document. */
  readonly naming: 'registry' | 'json';
  read(): Promise<PolicyRead>;
}
