// Fuzz: every bridge call with random and malformed input (wrong types, huge and unicode strings,
// prototype keys, missing and extra fields) gets a typed result from the real core — never a
// throw, never INTERNAL, never a value outside the contract.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeCalls, BridgeResultSchema } from '../../shared/bridge.js';
import { ErrorCode } from '../../shared/errors.js';
import { createCore, type Core } from '../../electron/core/index.js';
import { FUZZ_RUNS, fuzzParams, nastyValue, nearShape } from './fuzz-config.js';

let core: Core;
let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ccms-fuzz-bridge-'));
  const policy = join(base, 'policy.json');
  // A host that refuses at once: calls that pass validation fail fast and typed.
  await writeFile(
    policy,
    JSON.stringify({
      hostUrls: { production: 'https://127.0.0.1:1' },
      allowedEnvironments: ['production'],
    }),
  );
  core = await createCore({
    mode: 'browser',
    appVersion: '0.0.0-fuzz',
    userDataDir: join(base, 'user'),
    machinePolicyPath: policy,
    hostTimeouts: { connectMs: 500, totalMs: 1_000 },
  });
});

afterAll(async () => {
  await core.dispose();
  await rm(base, { recursive: true, force: true });
});

const names = Object.keys(BridgeCalls) as (keyof typeof BridgeCalls)[];
const shapeKeys = (name: keyof typeof BridgeCalls): string[] => {
  const schema = BridgeCalls[name].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
};

describe(`bridge fuzz (${FUZZ_RUNS} cases per target)`, () => {
  it('answers every call with a typed result for any input', async () => {
    const input = fc.oneof(
      fc
        .constantFrom(...names)
        .chain((name) =>
          fc.tuple(fc.constant<string>(name), fc.oneof(nastyValue, nearShape(shapeKeys(name)))),
        ),
      fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), nastyValue),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([name, value]) => {
        const result = await core.call(name, value);
        expect(BridgeResultSchema.safeParse(result).success).toBe(true);
        if (!result.ok) {
          expect(ErrorCode.safeParse(result.error.code).success).toBe(true);
          expect(result.error.code).not.toBe('INTERNAL');
        }
      }),
      fuzzParams(),
    );
  }, 600_000);
});
