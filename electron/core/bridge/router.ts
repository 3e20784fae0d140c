import {
  BridgeCalls,
  type BridgeResult,
  type CallInput,
  type CallName,
  type CallOutput,
} from '../../../shared/bridge.js';
import { CcmsError, appError, type AppError } from '../../../shared/errors.js';
import { parse } from '../../../shared/parse.js';
import { nullLogger, type Logger } from '../logging/logger.js';

/** One handler per bridge call, typed by the contract. */
export type BridgeHandlers = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

/** The bridge contract served as data in, data out: never a throw, never a stack. */
export interface Router {
  call(name: string, input: unknown): Promise<BridgeResult<unknown>>;
}

function isCallName(name: unknown): name is CallName {
  // Own keys only: `constructor` or `__proto__` must not reach an Object.prototype member.
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(BridgeCalls, name);
}

const internal = (): AppError =>
  appError('INTERNAL', 'An internal error occurred in the terminal.');

/**
 * Hears each served call's outcome with its validated input (the workstation history's recorder,
 * history/history-recorder.ts); what it throws is logged, never the caller's concern.
 */
export type CallObserver = (name: CallName, input: unknown, result: BridgeResult<unknown>) => void;

/**
 * Serves `handlers` behind the zod schemas of `BridgeCalls`, on input and on output; `observe`
 * hears every outcome of a known call whose input was valid.
 */
export function createRouter(
  handlers: BridgeHandlers,
  log: Logger = nullLogger,
  observe?: CallObserver,
): Router {
  // Served with the input as validated, for the observer; none when the input was invalid.
  type Served = { result: BridgeResult<unknown>; input?: unknown };
  const serve = async (name: CallName, input: unknown): Promise<Served> => {
    const spec = BridgeCalls[name];
    const parsed = parse(spec.input, input);
    if (!parsed.ok) {
      // The issues name fields and rules, never the values (the input may hold a password).
      const message = `The input of ${name} is invalid: ${parsed.issues.join('; ')}`;
      const error = appError(
        'BRIDGE_INVALID',
        message,
        parsed.field === undefined ? {} : { field: parsed.field },
      );
      return { result: { ok: false, error } };
    }
    const served = (result: BridgeResult<unknown>): Served => ({ result, input: parsed.value });
    let value: unknown;
    try {
      const handler = handlers[name] as (i: unknown) => Promise<unknown>;
      value = await handler(parsed.value);
    } catch (err) {
      if (err instanceof CcmsError) return served({ ok: false, error: err.toValue() });
      log.error(`bridge call ${name} failed`, {
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
      return served({ ok: false, error: internal() });
    }
    const out = parse(spec.output, value);
    if (!out.ok) {
      log.error(`bridge call ${name} produced an output that breaks the contract`, {
        issues: out.issues,
      });
      return served({ ok: false, error: internal() });
    }
    return served({ ok: true, value: out.value });
  };
  return {
    async call(name, input) {
      if (!isCallName(name)) {
        const shown = typeof name === 'string' ? name.slice(0, 64) : typeof name;
        return { ok: false, error: appError('BRIDGE_INVALID', `Unknown bridge call: ${shown}.`) };
      }
      const { result, input: valid } = await serve(name, input);
      if (observe && valid !== undefined) {
        try {
          observe(name, valid, result);
        } catch (err) {
          log.warn(`the observer of ${name} failed`, {
            error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
          });
        }
      }
      return result;
    },
  };
}
