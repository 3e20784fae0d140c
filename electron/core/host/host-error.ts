import type { AxiosResponse } from 'axios';
import { CcmsError, ErrorCode, HostErrorBody } from '../../../shared/errors.js';
import { parse } from '../../../shared/parse.js';

/** Turns a host error reply into a typed error carrying the host's code and details. */
export function hostError(res: AxiosResponse, what: string): CcmsError {
  const parsed = parse(HostErrorBody, res.data);
  if (parsed.ok) {
    const { code, message, ...details } = parsed.value.error;
    return new CcmsError(code, message, details);
  }
  // A newer host may send a code this client does not know: keep its message, say UNKNOWN.
  const loose = res.data as { error?: { code?: unknown; message?: unknown } } | undefined;
  const code = loose?.error?.code;
  if (
    typeof code === 'string' &&
    typeof loose?.error?.message === 'string' &&
    !ErrorCode.safeParse(code).success
  ) {
    return new CcmsError(
      'UNKNOWN',
      `${what}: the host answered ${res.status} ${code}: ${loose.error.message}`,
    );
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    return new CcmsError(
      'HOST_UNREACHABLE',
      `${what}: the host or a proxy answered ${res.status} (service unavailable).`,
    );
  }
  const issue = parsed.issues[0] ?? 'not JSON';
  return new CcmsError(
    'BAD_HOST_REPLY',
    `${what}: the host answered ${res.status} with an error body that is not valid (${issue}).`,
    parsed.field === undefined ? {} : { field: parsed.field },
  );
}
