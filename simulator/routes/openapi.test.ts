import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HTTP_STATUS } from '../../shared/errors.js';
import { HOST_CALL_NAMES, HostCalls, type HostCallSpec } from '../../shared/host-calls.js';
import { buildOpenApi } from './openapi.js';

interface Op {
  security?: unknown;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
  responses: Record<string, { description: string }>;
}

describe('openapi.json is generated from the host call table', () => {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, Op>> };

  it.each(HOST_CALL_NAMES)(
    '%s: security, parameters, body, reply and errors as declared',
    (name) => {
      const c: HostCallSpec = HostCalls[name];
      const op = doc.paths[c.path.replace(':id', '{id}')]?.[c.method.toLowerCase()];
      expect(op).toBeDefined();
      if (!op) return;
      expect(op.security !== undefined).toBe(c.session);
      expect(op.requestBody !== undefined).toBe(c.body !== undefined);
      const params = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(params.includes('path:id')).toBe(c.path.includes(':id'));
      // Every field of the query schema is a query parameter, and nothing else is.
      const queryFields =
        c.query instanceof z.ZodObject ? Object.keys(c.query.shape as object) : [];
      expect(params.filter((p) => p.startsWith('query:')).sort()).toEqual(
        queryFields.map((f) => `query:${f}`).sort(),
      );
      expect(Object.keys(op.responses)).toContain(c.reply === null ? '204' : '200');
      for (const code of [...c.errors, ...(c.body ? ['INVALID_REQUEST' as const] : [])]) {
        const listed = op.responses[String(HTTP_STATUS[code] ?? 400)]?.description ?? '';
        expect(listed.split(', '), `${name} ${code}`).toContain(code);
      }
    },
  );
});
