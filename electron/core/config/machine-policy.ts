import { z } from 'zod';
import { EnvironmentId } from '../../../shared/bridge.js';

const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** What IT sets for every user of the machine (Group Policy, registry, or a JSON file). */
export const MachinePolicy = z.strictObject({
  /** Host base URLs per environment. */
  hostUrls: z
    .strictObject({
      production: HttpsUrl.optional(),
      'connectivity-test': HttpsUrl.optional(),
      simulator: HttpsUrl.optional(),
    })
    .optional(),
  /** Extra CA certificates trusted on top of the system roots: PEM text or a path to a PEM file. */
  extraCaCertificates: z.array(z.string().min(1).max(200_000)).max(20).optional(),
  /** An explicit proxy, `http://host:port`; otherwise the system's (Electron) or none (Node). */
  proxy: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /** Environments the user may choose. */
  allowedEnvironments: z.array(EnvironmentId).min(1).optional(),
  /** The idle lock comes at the latest after this many seconds, whatever the host says. */
  idleTimeoutCeilingSec: z.number().int().min(60).max(86_400).optional(),
  /** The least severe log level written. */
  logLevel: z.enum(['error', 'warn', 'info', 'debug']).optional(),
  /** Shared desk: nothing is remembered on this machine (no user ID, no keychain entries). */
  sharedDesk: z.boolean().optional(),
});
/** What IT sets for every user of the machine. */
export type MachinePolicy = z.infer<typeof MachinePolicy>;

/** The outcome of validating one configuration document field by field. */
export interface FieldwiseResult<T> {
  value: T;
  problems: string[];
}

/**
 * Validates an object field by field: a bad field is dropped with a message naming the file and
 * field, the good ones are kept. A whole-file fallback would let one typo undo every restriction.
 */
export function parseFieldwise<S extends z.ZodObject>(
  schema: S,
  raw: unknown,
  location: string,
): FieldwiseResult<Partial<z.infer<S>>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      value: {},
      problems: [`${location}: expected an object of settings; the file is ignored.`],
    };
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, v] of Object.entries(raw)) {
    const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (!field) {
      problems.push(`${location}: unknown setting "${key}" is ignored.`);
      continue;
    }
    const r = field.safeParse(v);
    if (r.success) {
      value[key] = r.data;
      continue;
    }
    const issue = r.error.issues[0];
    const sub = issue && issue.path.length > 0 ? `.${issue.path.map(String).join('.')}` : '';
    problems.push(
      `${location}: "${key}${sub}" ${issue?.message ?? 'is invalid'}; the default is used.`,
    );
  }
  return { value: value as Partial<z.infer<S>>, problems };
}
