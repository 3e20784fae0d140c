// Reading a frame of the browser-mode bridge without zod. The frames come from our own core over
// a loopback socket guarded by a per-run token (scripts/web-server.ts): the core is the side that
// validates untrusted input, so here a frame is only checked for the shape the transport relies
// on (Electron's preload hands the renderer the same values with no check at all). Anything else
// is dropped rather than allowed to throw inside the socket's message handler.
import type { AppError, BridgeResult } from '../../shared/index.js';

/** A frame the core sends: the result of call `id`, or an event. */
export type ServerFrame =
  | { kind: 'result'; id: number; result: BridgeResult<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAppError(value: unknown): value is AppError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function readResult(value: unknown): BridgeResult<unknown> | null {
  if (!isRecord(value)) return null;
  if (value.ok === true && 'value' in value) return { ok: true, value: value.value };
  if (value.ok === false && isAppError(value.error)) return { ok: false, error: value.error };
  return null;
}

/** The frame a WebSocket message carries, or null when it is not one (not JSON, wrong shape). */
export function readServerFrame(text: string): ServerFrame | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  if ('id' in data) {
    if (!Number.isSafeInteger(data.id)) return null;
    const result = readResult(data.result);
    return result ? { kind: 'result', id: data.id as number, result } : null;
  }
  if (typeof data.event === 'string' && 'payload' in data) {
    return { kind: 'event', event: data.event, payload: data.payload };
  }
  return null;
}
