// The host call table (shared/host-calls.ts) is the one declaration of each call: the simulator
// registers exactly its calls, the host client has exactly one method per call and sends what the
// table says, and the endpoint list of docs/protocol.md names exactly the table's calls.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS, type ErrorCode } from '../../../shared/errors.js';
import {
  HOST_CALL_NAMES,
  HostCalls,
  type HostCallName,
  type HostCallSpec,
} from '../../../shared/host-calls.js';
import { API_PREFIX } from '../../../shared/protocol.js';
import { apiRoutes } from '../../../simulator/app.js';
import type { SimContext } from '../../../simulator/context.js';
import { HostClient } from '../../../electron/core/host/host-client.js';

const spec = (name: HostCallName): HostCallSpec => HostCalls[name];
/** `METHOD /path` as docs/protocol.md writes it, `{id}` for a path parameter. */
const docName = (c: HostCallSpec) => `${c.method} ${c.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

describe('every host call of the table has a simulator route, and nothing else is routed', () => {
  it('registers each call at its method and path, plus openapi.json only', async () => {
    const app = Fastify();
    const routed: string[] = [];
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') routed.push(`${m} ${r.url}`);
    });
    // Registration only: no request is made, so the handlers never reach the context.
    await app.register(async (api) => apiRoutes(api, {} as SimContext), { prefix: API_PREFIX });
    await app.ready();
    const expected = [
      ...HOST_CALL_NAMES.map((n) => `${spec(n).method} ${API_PREFIX}${spec(n).path}`),
      `GET ${API_PREFIX}/openapi.json`,
    ];
    expect(routed.sort()).toEqual(expected.sort());
    await app.close();
  });
});

// One set of arguments per HostClient call method: the compiler asks for a row per table entry.
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const ARGS: { [K in HostCallName]: Parameters<HostClient[K]> } = {
  health: [],
  login: ['C00101', 'pw'],
  submitOtp: ['ch_1', '123456'],
  resendOtp: ['ch_1'],
  initPassword: ['it_1', 'New-Pass-1234!'],
  initChannel: ['it_1', 'email'],
  initConfirm: ['it_1', '123456'],
  getSession: [TOKEN],
  reauth: [TOKEN, '123456'],
  logout: [TOKEN],
  terminalSummary: [TOKEN],
  dmsUsers: [TOKEN],
  dmsListRequests: [TOKEN, 'pending'],
  dmsCreateRequest: [TOKEN, { action: 'unlock', userId: 'C00104' }],
  dmsApprovalCode: [TOKEN, 'R-1'],
  dmsApprove: [TOKEN, 'R-1', '123456'],
  dmsReject: [TOKEN, 'R-1', 'why'],
  dmsAudit: [TOKEN, { userId: 'C00104', limit: '10' }],
};
/** HostClient's public members that are not host calls. */
const NOT_CALLS = ['constructor', 'origin', 'close', 'serverOffsetMs'];

interface Sent {
  method: string;
  url: URL;
  auth: string | null;
  body: string;
}

describe('every host call of the table has a HostClient method, and every method is a call', () => {
  it('has exactly one public method per call', () => {
    const methods = Object.getOwnPropertyNames(HostClient.prototype).filter(
      (m) => !NOT_CALLS.includes(m),
    );
    expect(methods.sort()).toEqual([...HOST_CALL_NAMES].sort());
  });

  it.each(HOST_CALL_NAMES)(
    '%s sends the method, path, token, body and query of its entry',
    async (name) => {
      const sent: Sent[] = [];
      const fakeFetch = (async (input: URL | Request | string, init?: RequestInit) => {
        const req = new Request(input, init);
        sent.push({
          method: req.method,
          url: new URL(req.url),
          auth: req.headers.get('authorization'),
          body: await req.text(),
        });
        return new Response(null, { status: 204 });
      }) as typeof fetch;
      const client = new HostClient({ baseUrl: 'https://ccms.example.invalid', fetch: fakeFetch });
      const call = client[name] as (...args: unknown[]) => Promise<unknown>;
      // Only the request is checked here: an empty 204 is not every call's reply.
      await call.apply(client, ARGS[name]).catch(() => undefined);
      const c = spec(name);
      expect(sent.length).toBe(1);
      const [req] = sent as [Sent];
      expect(req.method).toBe(c.method);
      expect(req.url.pathname).toBe(`${API_PREFIX}${c.path.replace(':id', 'R-1')}`);
      expect(req.auth).toBe(c.session ? `Bearer ${TOKEN}` : null);
      if (c.body) expect(c.body.safeParse(JSON.parse(req.body)).success).toBe(true);
      else expect(req.body).toBe('');
      const query = Object.fromEntries(req.url.searchParams);
      if (c.query) expect(c.query.safeParse(query).success).toBe(true);
      else expect(query).toEqual({});
    },
  );
});

/** The rows of the "Endpoints" table of docs/protocol.md: the call, the codes and statuses it names. */
function documentedEndpoints(): Array<{ call: string; codes: Array<[string, number?]> }> {
  const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Endpoints')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `(GET|POST) /.test(line))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      const errors = cells[4] ?? '';
      return {
        call: (cells[1] ?? '').replace(/`/g, ''),
        codes: [...errors.matchAll(/`([A-Z][A-Z_]*\*?)`( \d{3})?/g)].map((m): [string, number?] =>
          m[2] ? [m[1] ?? '', Number(m[2])] : [m[1] ?? ''],
        ),
      };
    });
}

describe('docs/protocol.md lists exactly the calls of the table', () => {
  const rows = documentedEndpoints();
  const byDocName = new Map(HOST_CALL_NAMES.map((n) => [docName(spec(n)), spec(n)]));

  it('names each call once, method and path, and no other', () => {
    expect(rows.map((r) => r.call).sort()).toEqual([...byDocName.keys()].sort());
  });

  it('names only error codes the call declares, with the status the host answers them with', () => {
    for (const row of rows) {
      const c = byDocName.get(row.call);
      const declared: string[] = [...(c?.errors ?? []), ...(c?.body ? ['INVALID_REQUEST'] : [])];
      for (const [code, status] of row.codes) {
        const meant = code.endsWith('*')
          ? declared.filter((d) => d.startsWith(code.slice(0, -1)))
          : declared.filter((d) => d === code);
        expect(meant.length, `${row.call} documents ${code}`).toBeGreaterThan(0);
        for (const d of status === undefined ? [] : meant)
          expect(status, `${row.call} ${d}`).toBe(HTTP_STATUS[d as ErrorCode]);
      }
    }
  });
});
