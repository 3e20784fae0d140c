import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CcmsError } from './errors.js';
import { parse, parseOrThrow } from './parse.js';

const Body = z.strictObject({
  userId: z.string(),
  nested: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') }).optional(),
});

describe('parse: one formatter of zod issues for every boundary', () => {
  it('lists `path: message` and names the first offending field', () => {
    const r = parse(Body, { userId: 42, nested: { code: 'abc' } });
    expect(r).toMatchObject({ ok: false, field: 'userId' });
    expect(r.ok ? [] : r.issues).toEqual([
      'userId: Invalid input: expected string, received number',
      'nested.code: six digits',
    ]);
  });

  it('names an unknown key as the field, at the top and inside an object', () => {
    expect(parse(Body, { userId: 'C00101', admin: true })).toMatchObject({
      ok: false,
      field: 'admin',
    });
    expect(parse(Body, { userId: 'C00101', nested: { code: '123456', x: 1 } })).toMatchObject({
      ok: false,
      field: 'nested.x',
    });
  });

  it('names no field when the input as a whole is wrong', () => {
    const r = parse(Body, 'text');
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('field');
  });

  it('parseOrThrow throws the given code with what was wrong and where', () => {
    const err = (() => {
      try {
        return parseOrThrow(Body, { userId: 'C00101', admin: 1 }, 'INVALID_REQUEST', 'The body');
      } catch (e) {
        return e;
      }
    })() as CcmsError;
    expect(err).toBeInstanceOf(CcmsError);
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.details).toEqual({ field: 'admin' });
    expect(err.message).toMatch(/^The body is invalid: Unrecognized key/);
  });
});
