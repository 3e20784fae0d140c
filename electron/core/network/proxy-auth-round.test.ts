import { describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import type { ProxyAuth, ProxyAuthQuestion, ProxyCredentials } from './proxy-auth-broker.js';
import { MAX_PROXY_PROMPTS, ProxyAuthRound, proxyAuthErrorIn } from './proxy-auth-round.js';

/** A broker whose user answers from a list (undefined: cancels). */
function scriptedAuth(answers: (ProxyCredentials | undefined)[]) {
  const asked: ProxyAuthQuestion[] = [];
  let known: ProxyCredentials | undefined;
  const auth: ProxyAuth = {
    async ask(q) {
      asked.push(q);
      const a = answers.shift();
      if (a) known = a;
      return a;
    },
    remembered: () => known,
    refused: (_p, c) => {
      if (known && known.password === c.password) known = undefined;
    },
    waiting: () => false,
  };
  return { auth, asked, setKnown: (c: ProxyCredentials) => (known = c) };
}

const challenge = { scheme: 'Basic', realm: 'proxy' };
const good = { username: 'ops', password: 'right-one' };
const bad = { username: 'ops', password: 'wrong-one' };
const codeOf = (err: unknown) => (err as CcmsError).code;

describe('ProxyAuthRound', () => {
  it('tries the policy URL credentials first, then asks saying they failed', async () => {
    const { auth, asked } = scriptedAuth([good]);
    const round = new ProxyAuthRound(auth, 'proxy.bank:8080', bad);
    expect(round.first()).toEqual(bad);
    await expect(round.next(challenge)).resolves.toEqual(good);
    expect(asked).toEqual([
      { proxy: 'proxy.bank:8080', realm: 'proxy', scheme: 'Basic', attempt: 1 },
    ]);
  });

  it('prefers what the broker remembers over the policy URL, and reuses it without asking', async () => {
    const { auth, asked, setKnown } = scriptedAuth([]);
    setKnown(good);
    expect(new ProxyAuthRound(auth, 'p:1', bad).first()).toEqual(good);
    expect(asked).toEqual([]);
  });

  it(`asks at most ${MAX_PROXY_PROMPTS} times, then fails with PROXY_AUTH_FAILED naming the proxy`, async () => {
    const { auth, asked } = scriptedAuth([bad, bad, bad, good]);
    const round = new ProxyAuthRound(auth, 'proxy.bank:8080');
    expect(round.first()).toBeUndefined();
    for (let i = 0; i < MAX_PROXY_PROMPTS; i++) await round.next(challenge);
    const err = await round.next(challenge).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('PROXY_AUTH_FAILED');
    expect((err as CcmsError).details.proxy).toBe('proxy.bank:8080');
    expect((err as CcmsError).message).toBe(
      'The proxy server proxy.bank:8080 did not accept the user name and password.',
    );
    expect(asked.map((q) => q.attempt)).toEqual([0, 1, 2]);
  });

  it('fails with PROXY_AUTH_CANCELLED when the user cancels', async () => {
    const { auth } = scriptedAuth([undefined]);
    const err = await new ProxyAuthRound(auth, 'p:1').next(challenge).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('PROXY_AUTH_CANCELLED');
  });

  it('takes a newer answer another connection got instead of asking again', async () => {
    const { auth, asked, setKnown } = scriptedAuth([]);
    setKnown(bad);
    const round = new ProxyAuthRound(auth, 'p:1');
    round.first();
    setKnown(good);
    await expect(round.next(challenge)).resolves.toEqual(good);
    expect(asked).toEqual([]);
  });

  it('without a broker, refused policy credentials fail with PROXY_AUTH_FAILED', async () => {
    const round = new ProxyAuthRound(undefined, 'p:1', bad);
    round.first();
    expect(codeOf(await round.next(challenge).catch((e: unknown) => e))).toBe('PROXY_AUTH_FAILED');
  });

  it('finds its error inside the causes a transport wraps it in, and nothing else', () => {
    const inner = new CcmsError('PROXY_AUTH_FAILED', 'x', { proxy: 'p:1' });
    const wrapped = Object.assign(new Error('Network Error'), { cause: { cause: inner } });
    expect(proxyAuthErrorIn(wrapped)).toBe(inner);
    expect(proxyAuthErrorIn(new CcmsError('HOST_UNREACHABLE', 'y'))).toBeUndefined();
    expect(proxyAuthErrorIn('text')).toBeUndefined();
  });
});
