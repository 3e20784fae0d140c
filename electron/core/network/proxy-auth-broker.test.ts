import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import { ManualClock } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import { redactString } from '../logging/redact.js';
import { PROXY_PROMPT_TIMEOUT_MS, ProxyAuthBroker } from './proxy-auth-broker.js';

const PASSWORD = 'Pr0xy-Secret-77';
const USER = 'corp\\desk-operator';

function setup() {
  const clock = new ManualClock();
  const events: { name: EventName; payload: Record<string, unknown> }[] = [];
  const lines: string[] = [];
  const record = (msg: string, data?: unknown) => lines.push(`${msg} ${JSON.stringify(data)}`);
  const log: Logger = { debug: record, info: record, warn: record, error: record };
  const broker = new ProxyAuthBroker({
    clock,
    log,
    emit: (name, payload) => events.push({ name, payload: payload as Record<string, unknown> }),
  });
  const prompts = () => events.filter((e) => e.name === 'proxyAuthRequired');
  const idOf = (n = 0) => String(prompts()[n]?.payload['id']);
  return { clock, events, lines, broker, prompts, idOf };
}

const question = { proxy: 'proxy.bank:8080', realm: 'Bank proxy', scheme: 'Basic', attempt: 0 };

describe('ProxyAuthBroker', () => {
  it('asks through a bridge event and resolves with the answer, then remembers it', async () => {
    const { broker, prompts, idOf, events } = setup();
    const answer = broker.ask(question);
    expect(prompts()).toEqual([
      {
        name: 'proxyAuthRequired',
        payload: {
          id: expect.any(String),
          proxy: 'proxy.bank:8080',
          realm: 'Bank proxy',
          scheme: 'Basic',
          failedBefore: false,
        },
      },
    ]);
    expect(broker.waiting()).toBe(true);
    broker.answer({ id: idOf(), username: USER, password: PASSWORD });
    await expect(answer).resolves.toEqual({ username: USER, password: PASSWORD });
    expect(broker.waiting()).toBe(false);
    expect(broker.remembered('proxy.bank:8080')).toEqual({ username: USER, password: PASSWORD });
    expect(broker.remembered('other.proxy:3128')).toBeUndefined();
    expect(events.at(-1)).toEqual({
      name: 'proxyAuthEnded',
      payload: { id: idOf(), reason: 'answered' },
    });
  });

  it('says the last answer failed when the connection had credentials refused', () => {
    const { broker, prompts } = setup();
    void broker.ask({ ...question, attempt: 1 });
    expect(prompts()[0]?.payload['failedBefore']).toBe(true);
  });

  it('shares one prompt among concurrent askers for one proxy; another proxy gets its own', async () => {
    const { broker, prompts, idOf } = setup();
    const a = broker.ask(question);
    const b = broker.ask({ ...question, attempt: 2 });
    const other = broker.ask({ ...question, proxy: 'other.proxy:3128' });
    expect(prompts().map((p) => p.payload['proxy'])).toEqual([
      'proxy.bank:8080',
      'other.proxy:3128',
    ]);
    broker.answer({ id: idOf(0), username: USER, password: PASSWORD });
    await expect(a).resolves.toEqual({ username: USER, password: PASSWORD });
    await expect(b).resolves.toEqual({ username: USER, password: PASSWORD });
    expect(broker.waiting()).toBe(true);
    broker.answer({ id: idOf(1), cancel: true });
    await expect(other).resolves.toBeUndefined();
    expect(broker.remembered('other.proxy:3128')).toBeUndefined();
  });

  it('cancels a prompt nobody answers after the time limit', async () => {
    const { broker, clock, idOf, events } = setup();
    const answer = broker.ask(question);
    clock.advance(PROXY_PROMPT_TIMEOUT_MS - 1);
    expect(broker.waiting()).toBe(true);
    clock.advance(1);
    await expect(answer).resolves.toBeUndefined();
    expect(broker.waiting()).toBe(false);
    expect(events.at(-1)).toEqual({
      name: 'proxyAuthEnded',
      payload: { id: idOf(), reason: 'timedOut' },
    });
    // A late answer is refused with a clear error, not taken for the next prompt.
    const late = (() => {
      try {
        broker.answer({ id: idOf(), username: USER, password: PASSWORD });
      } catch (err) {
        return err;
      }
    })() as CcmsError;
    expect(late).toBeInstanceOf(CcmsError);
    expect(late.code).toBe('WRONG_STATE');
    expect(broker.remembered(question.proxy)).toBeUndefined();
  });

  it('refuses an answer for an id it never asked', () => {
    const { broker } = setup();
    expect(() => broker.answer({ id: 'nope', cancel: true })).toThrow(
      /No proxy sign-in is waiting/,
    );
  });

  it('forgets refused credentials, but not newer ones given meanwhile', async () => {
    const { broker, idOf } = setup();
    const first = broker.ask(question);
    broker.answer({ id: idOf(0), username: USER, password: PASSWORD });
    await first;
    broker.refused(question.proxy, { username: USER, password: 'an older one' });
    expect(broker.remembered(question.proxy)?.password).toBe(PASSWORD);
    broker.refused(question.proxy, { username: USER, password: PASSWORD });
    expect(broker.remembered(question.proxy)).toBeUndefined();
  });

  it('cancels open prompts and forgets every answer on dispose', async () => {
    const { broker, idOf, prompts } = setup();
    const first = broker.ask(question);
    broker.answer({ id: idOf(0), username: USER, password: PASSWORD });
    await first;
    const open = broker.ask({ ...question, proxy: 'other.proxy:3128' });
    broker.dispose();
    await expect(open).resolves.toBeUndefined();
    expect(broker.remembered(question.proxy)).toBeUndefined();
    await expect(broker.ask(question)).resolves.toBeUndefined();
    expect(prompts()).toHaveLength(2);
  });

  it('never logs the credentials, and scrubs them from any log line while it keeps them', async () => {
    const { broker, idOf, lines, clock } = setup();
    const answer = broker.ask(question);
    broker.answer({ id: idOf(), username: USER, password: PASSWORD });
    await answer;
    void broker.ask({ ...question, proxy: 'other.proxy:3128' });
    clock.advance(PROXY_PROMPT_TIMEOUT_MS);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain('desk-operator');
    }
    // Whatever else might carry them into a log (an error message, say) is scrubbed by exact
    // match for as long as they are kept: a plain word no pattern would take for a secret.
    const plain = 'bluewhalesong';
    const third = broker.ask({ ...question, proxy: 'third.proxy:80' });
    broker.answer({ id: idOf(2), username: 'someone', password: plain });
    await third;
    expect(redactString(`the proxy said no to ${plain}`)).not.toContain(plain);
    broker.dispose();
    expect(redactString(`the proxy said no to ${plain}`)).toContain(plain);
  });
});
