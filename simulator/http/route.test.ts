import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { HostCalls } from '../../shared/host-calls.js';
import { installErrorHandling } from './errors.js';
import { addRoute } from './route.js';

const session = {
  token: 'tok_abcdefghijklmnopqrstuvwxyz',
  expiresAt: '2026-01-01T19:00:00.000Z',
  idleTimeoutSec: 900,
  user: {
    userId: 'C00101',
    participantId: 'CP001',
    name: 'Chan Tai Man',
    roles: ['user' as const],
  },
};
const request = {
  id: 'R-1',
  action: 'unlock' as const,
  userId: 'C00104',
  status: 'approved' as const,
  makerId: 'C00191',
  createdAt: '2026-01-01T09:00:00.000Z',
  expiresAt: '2026-01-02T09:00:00.000Z',
};

let app: FastifyInstance;
const defects: unknown[] = [];
async function build(register: (api: FastifyInstance) => void): Promise<FastifyInstance> {
  app = Fastify();
  installErrorHandling(app, (e) => defects.push(e));
  register(app);
  await app.ready();
  return app;
}
afterEach(async () => {
  defects.length = 0;
  await app.close();
});

describe('addRoute: a route registered from its entry of shared/host-calls.ts', () => {
  it("answers at the entry's method and path only", async () => {
    await build((api) => addRoute(api, HostCalls.getSession, () => ({ session })));
    expect((await app.inject({ method: 'GET', url: '/session' })).json()).toEqual({ session });
    expect((await app.inject({ method: 'POST', url: '/session' })).statusCode).toBe(404);
  });

  it("parses the body with the entry's schema, naming an unknown key as the field", async () => {
    const seen: unknown[] = [];
    await build((api) =>
      addRoute(api, HostCalls.submitOtp, (_req, { body }) => {
        seen.push(body);
        return { session };
      }),
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/auth/otp',
      payload: { challengeId: 'ch_1', code: '123456' },
    });
    expect(ok.statusCode).toBe(200);
    expect(seen).toEqual([{ challengeId: 'ch_1', code: '123456' }]);
    const bad = await app.inject({
      method: 'POST',
      url: '/auth/otp',
      payload: { challengeId: 'ch_1', code: '123456', admin: true },
    });
    expect([bad.statusCode, bad.json().error.code, bad.json().error.field]).toEqual([
      400,
      'INVALID_REQUEST',
      'admin',
    ]);
    expect(seen.length).toBe(1);
  });

  it('refuses a body on a call that takes none', async () => {
    let called = 0;
    await build((api) => addRoute(api, HostCalls.logout, () => void called++));
    const r = await app.inject({ method: 'POST', url: '/session/logout', payload: { x: 1 } });
    expect(called).toBe(0);
    expect(r.json().error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'This call takes no request body.',
    });
  });

  it("hands the handler the parsed query and the path's parameters", async () => {
    const seen: unknown[] = [];
    await build((api) => {
      addRoute(api, HostCalls.dmsListRequests, (_req, { query }) => {
        seen.push(query);
        return { requests: [] };
      });
      addRoute(api, HostCalls.dmsApprove, (_req, { params }) => {
        seen.push(params);
        return { request };
      });
    });
    await app.inject({ method: 'GET', url: '/dms/requests?status=pending' });
    const bad = await app.inject({ method: 'GET', url: '/dms/requests?status=bogus' });
    expect(bad.json().error).toMatchObject({ code: 'INVALID_REQUEST', field: 'status' });
    await app.inject({
      method: 'POST',
      url: '/dms/requests/R-9/approve',
      payload: { code: '123456' },
    });
    expect(seen).toEqual([{ status: 'pending' }, { id: 'R-9' }]);
  });

  it('answers 204 with no body for an entry without a reply', async () => {
    await build((api) => addRoute(api, HostCalls.logout, () => undefined));
    const r = await app.inject({ method: 'POST', url: '/session/logout' });
    expect([r.statusCode, r.body]).toEqual([204, '']);
  });

  it('FAULT handler answers outside its reply schema: a 500 defect, the reply never sent', async () => {
    await build((api) =>
      addRoute(api, HostCalls.getSession, () => ({ session: { ...session, token: 'short' } })),
    );
    const r = await app.inject({ method: 'GET', url: '/session' });
    expect([r.statusCode, r.json().error.code]).toEqual([500, 'INTERNAL']);
    expect(r.body).not.toContain('short');
    expect(defects.length).toBe(1);
  });

  it("refuses at compile time a handler outside its entry's types (tsc checks this block)", () => {
    const refused = (api: FastifyInstance): void => {
      // @ts-expect-error -- the reply of GET /session is `{ session }`
      addRoute(api, HostCalls.getSession, () => ({ users: [] }));
      // @ts-expect-error -- the body of POST /auth/otp has no `password`
      addRoute(api, HostCalls.submitOtp, (_req, { body }) => ({ session, pw: body.password }));
    };
    expect(refused).toBeTypeOf('function');
  });
});
