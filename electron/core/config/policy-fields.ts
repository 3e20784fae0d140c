import type * as z from 'zod';
import { MachinePolicy, policyMeta, type PolicyFieldMeta } from './machine-policy.js';

/** How a field's value is shaped, which decides the registry types it is read from. */
export type PolicyFieldKind = 'text' | 'enum' | 'list' | 'number' | 'boolean';

/** One setting of the machine policy: where it sits in the document and what it is. */
export interface PolicyField {
  /** Its place in the policy document, e.g. `['hostUrls', 'production']`. */
  path: readonly string[];
  /** The field's own schema (not optional). */
  schema: z.ZodType;
  meta: PolicyFieldMeta;
  kind: PolicyFieldKind;
}

const KINDS: Readonly<Record<string, PolicyFieldKind>> = {
  string: 'text',
  enum: 'enum',
  array: 'list',
  number: 'number',
  boolean: 'boolean',
};

function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  return def.type === 'optional' && def.innerType ? def.innerType : schema;
}

function walk(shape: Record<string, z.ZodType>, prefix: string[]): PolicyField[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const path = [...prefix, key];
    const inner = unwrap(schema);
    const meta = policyMeta.get(schema);
    if (!meta) {
      const nested = (inner.def as { type: string; shape?: Record<string, z.ZodType> }).shape;
      if (inner.def.type === 'object' && nested) return walk(nested, path);
      throw new Error(`machine policy field ${path.join('.')} has no metadata`);
    }
    const kind = KINDS[inner.def.type];
    if (!kind) throw new Error(`machine policy field ${path.join('.')} has an unknown kind`);
    return [{ path, schema: inner, meta, kind }];
  });
}

let cached: readonly PolicyField[] | undefined;

/** Every field of the machine policy in schema order, each with its metadata. */
export function policyFields(): readonly PolicyField[] {
  cached ??= walk(MachinePolicy.shape as Record<string, z.ZodType>, []);
  return cached;
}

/** The field a registry value name belongs to; value names are case-insensitive, as in Windows. */
export function fieldByValueName(name: string): PolicyField | undefined {
  const wanted = name.toLowerCase();
  return policyFields().find((f) => f.meta.valueName.toLowerCase() === wanted);
}
