// How many cases each fuzz target runs, and with what seed: `npm test` runs a quick pass with a
// fixed seed (so a failure is reproducible), `npm run test:fuzz` the long one. fast-check prints
// the seed and the shrunk counter-example of any failure; FUZZ_SEED replays it.
import fc from 'fast-check';

/** Runs per target: ≥ 200 in `npm test`, 10,000 under `npm run test:fuzz`. */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
/** The seed: fixed unless FUZZ_SEED says otherwise. */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);

/** fast-check parameters for one target. */
export const fuzzParams = (runs = FUZZ_RUNS): fc.Parameters<unknown> => ({
  numRuns: runs,
  seed: FUZZ_SEED,
  endOnFailure: true,
});

/** Hostile strings: huge, unicode (astral, RTL, NUL), prototype names. */
export const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '\u0000', '\u202e'),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.repeat(20_000)),
);

/** Any JSON-ish value, prototype keys included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: false, withMap: false, withSet: false }),
  nastyString,
  fc.dictionary(nastyString, fc.anything(), { maxKeys: 5 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
);

/** Values that pass a field's check now and then, so calls also get past validation. */
const plausible = fc.constantFrom<unknown>(
  'C00101',
  'C00192',
  'Demo-Pass-101!',
  '123456',
  'en',
  'zh-HK',
  'production',
  'totp',
  'email',
  'c00101@cp001.example',
  1,
  30,
  true,
  [],
);

/** An object with the given keys (some dropped, some extra) holding arbitrary values. */
export function nearShape(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.subarray(keys),
      fc.array(fc.tuple(nastyString, nastyValue), { maxLength: 2 }),
      fc.array(fc.oneof(nastyValue, plausible, plausible), {
        minLength: keys.length,
        maxLength: keys.length,
      }),
    )
    .map(([kept, extra, values]) => {
      const out: Record<string, unknown> = {};
      kept.forEach((k, i) => (out[k] = values[i]));
      for (const [k, v] of extra) Object.defineProperty(out, k, { value: v, enumerable: true });
      return out;
    });
}
