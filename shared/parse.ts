import type * as z from 'zod';
import { CcmsError, type ErrorCode } from './errors.js';

/** The outcome of parsing untrusted input. */
export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; issues: string[]; field?: string };

/**
 * Formats zod issues as `path: message` lines. The offending field is the first issue's path; for
 * an unknown key it is the key itself, so a body's stray `admin` is named as `admin`.
 */
function describeIssues(error: z.ZodError): { issues: string[]; field?: string } {
  const issues = error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  const first = error.issues[0];
  const path = first ? first.path.map(String) : [];
  if (first?.code === 'unrecognized_keys' && first.keys[0] !== undefined) path.push(first.keys[0]);
  return path.length === 0 ? { issues } : { issues, field: path.join('.') };
}

/** Parses `unknown` input at a boundary (bridge, host reply, config file, request body). */
export function parse<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, ...describeIssues(result.error) };
}

/** Parses or throws a CcmsError with the given code, naming what was wrong and where. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: ErrorCode,
  what: string,
): z.infer<S> {
  const result = parse(schema, input);
  if (result.ok) return result.value;
  throw new CcmsError(
    code,
    `${what} is invalid: ${result.issues.join('; ')}`,
    result.field === undefined ? {} : { field: result.field },
  );
}
