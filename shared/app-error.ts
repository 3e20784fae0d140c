// Building an error value, with no zod: the renderer makes these at start-up (a bridge that is
// not there, a call given up) and must not load the schemas for it.
import type { AppError, ErrorCode, ErrorDetails } from './errors.js';

/** Builds an error value. */
export function appError(code: ErrorCode, message: string, details: ErrorDetails = {}): AppError {
  return { code, message, ...details };
}
