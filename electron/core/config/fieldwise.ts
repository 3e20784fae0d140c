import type * as z from 'zod';

/** The outcome of validating one configuration document field by field. */
export interface FieldwiseResult<T> {
  value: T;
  problems: string[];
}

/**
 * Validates an object field by field: a bad field is dropped with a message naming the file and
 * field, the good ones are kept. A whole-file fallback would let one typo undo every choice.
 * The user's settings use it; the machine policy has its own rules (effective-policy.ts).
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
