import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  HOST_CALL_NAMES,
  HostCalls,
  fillPath,
  pathParamNames,
  type CallParams,
  type HostCallArgs,
  type HostCallReply,
  type HostCallSpec,
} from './host-calls.js';
import type { LoginReply } from './protocol.js';

describe('the host call table', () => {
  it('declares each method and path once, GET calls without a body', () => {
    const calls = Object.values(HostCalls) as HostCallSpec[];
    const keys = calls.map((c) => `${c.method} ${c.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of calls) {
      // Lower-case words, dash-separated ("approval-code"), and `:name` parameters.
      expect(c.path).toMatch(/^\/[a-z/:-]+$/);
      if (c.method === 'GET') expect(c.body).toBeUndefined();
      expect(c.summary.length).toBeGreaterThan(0);
    }
    expect(HOST_CALL_NAMES).toEqual(Object.keys(HostCalls));
  });

  it('fills path parameters URL-encoded and refuses a missing one', () => {
    expect(pathParamNames(HostCalls.dmsApprove.path)).toEqual(['id']);
    expect(pathParamNames(HostCalls.login.path)).toEqual([]);
    expect(fillPath(HostCalls.dmsReject.path, { id: 'a/b c' })).toBe(
      '/dms/requests/a%2Fb%20c/reject',
    );
    expect(() => fillPath(HostCalls.dmsReject.path, {})).toThrow(/needs the parameter id/);
  });

  it('types each call from its entry', () => {
    expectTypeOf<HostCallReply<'login'>>().toEqualTypeOf<LoginReply>();
    expectTypeOf<HostCallReply<'logout'>>().toEqualTypeOf<void>();
    expectTypeOf<CallParams<typeof HostCalls.dmsApprove>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<HostCallArgs<'health'>>().toEqualTypeOf<[]>();
    expectTypeOf<HostCallArgs<'getSession'>>().toEqualTypeOf<
      [body: undefined, options: { token: string }]
    >();
  });

  it('refuses at compile time what the table does not declare (tsc type-checks this block)', () => {
    const refused = (): void => {
      const bad = {
        x: {
          method: 'GET',
          path: '/x',
          summary: 'x',
          reply: null,
          // @ts-expect-error -- a mistyped error code is not an ErrorCode
          errors: ['OTP_INVALDI'],
          session: false,
        },
      } satisfies Record<string, HostCallSpec>;
      // @ts-expect-error -- the login body needs a password
      const noPassword: HostCallArgs<'login'> = [{ userId: 'C00101' }];
      // @ts-expect-error -- a call that needs a session needs its token
      const noToken: HostCallArgs<'reauth'> = [{ code: '123456' }, {}];
      // @ts-expect-error -- a path with `:id` needs the id
      const noId: HostCallArgs<'dmsApprove'> = [{ code: '123456' }, { token: 't' }];
      void [bad, noPassword, noToken, noId];
    };
    expect(refused).toBeTypeOf('function');
  });
});
