// The proxy-credentials broker: when a proxy between the terminal and the host asks for a user
// name and password (HTTP 407), the connection asks here; the broker asks the user through the
// bridge (`proxyAuthRequired`), waits for `answerProxyAuth`, and remembers the answer in memory
// for the life of the process so later connections sign in to the proxy silently. The answer is
// never logged, persisted or sent anywhere but to that proxy.
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import { holdLiveSecrets } from '../logging/redact.js';

/** A user name and password for one proxy. Kept in memory only. */
export interface ProxyCredentials {
  username: string;
  password: string;
}

/** What a connection asks when its proxy answered 407. */
export interface ProxyAuthQuestion {
  /** The proxy, `host:port`. */
  proxy: string;
  realm?: string;
  /** The scheme the proxy asked for (`Basic`, and in Electron whatever Chromium met). */
  scheme: string;
  /** How many user name and password pairs this connection already had refused (0: none). */
  attempt: number;
}

/** The user's answer, as the bridge call `answerProxyAuth` carries it. */
export type ProxyAuthAnswer =
  { id: string; username: string; password: string } | { id: string; cancel: true };

/** What connections use of the broker (the Node tunnel and Electron's `login` handler). */
export interface ProxyAuth {
  /**
   * Asks the user for `question.proxy`'s user name and password. Concurrent questions for one
   * proxy share one prompt. Resolves `undefined` when the user cancelled, the prompt timed out or
   * the terminal is closing.
   */
  ask(question: ProxyAuthQuestion): Promise<ProxyCredentials | undefined>;
  /** The last answer given for `proxy` in this process, reused silently by every new connection. */
  remembered(proxy: string): ProxyCredentials | undefined;
  /** The proxy refused `credentials`: they are forgotten (if still the remembered ones). */
  refused(proxy: string, credentials: ProxyCredentials): void;
  /** True while a prompt waits for the user: host calls do not time out meanwhile. */
  waiting(): boolean;
}

/** What the broker needs from the core. */
export interface ProxyAuthBrokerDeps {
  clock: Clock;
  /** The core's event emitter (bridge events to the renderer). */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  log: Logger;
  /** How long a prompt waits for the user before it is cancelled; default 3 minutes. */
  promptTimeoutMs?: number;
}

/** How long a prompt waits for the user by default. */
export const PROXY_PROMPT_TIMEOUT_MS = 3 * 60_000;

interface OpenPrompt {
  id: string;
  proxy: string;
  timer: TimerHandle;
  waiters: ((answer: ProxyCredentials | undefined) => void)[];
}

const same = (a: ProxyCredentials, b: ProxyCredentials) =>
  a.username === b.username && a.password === b.password;

/** The broker: one open prompt per proxy, answers remembered in memory until `dispose`. */
export class ProxyAuthBroker implements ProxyAuth {
  private readonly open = new Map<string, OpenPrompt>();
  private readonly known = new Map<string, { credentials: ProxyCredentials; release(): void }>();
  private disposed = false;

  constructor(private readonly deps: ProxyAuthBrokerDeps) {}

  ask(question: ProxyAuthQuestion): Promise<ProxyCredentials | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const existing = this.open.get(question.proxy);
    if (existing) return new Promise((resolve) => existing.waiters.push(resolve));
    const id = randomUUID();
    const timer = this.deps.clock.setTimeout(
      () => this.end(question.proxy, undefined, 'timedOut'),
      this.deps.promptTimeoutMs ?? PROXY_PROMPT_TIMEOUT_MS,
    );
    const prompt: OpenPrompt = { id, proxy: question.proxy, timer, waiters: [] };
    this.open.set(question.proxy, prompt);
    const answer = new Promise<ProxyCredentials | undefined>((resolve) =>
      prompt.waiters.push(resolve),
    );
    const realm = question.realm ? { realm: question.realm } : {};
    // Facts only: which proxy, scheme and attempt. Never the credentials.
    this.deps.log.info('proxy sign-in asked', {
      proxy: question.proxy,
      scheme: question.scheme,
      attempt: question.attempt,
      ...realm,
    });
    this.deps.emit('proxyAuthRequired', {
      id,
      proxy: question.proxy,
      scheme: question.scheme,
      failedBefore: question.attempt > 0,
      ...realm,
    });
    return answer;
  }

  /** Serves `answerProxyAuth`: resolves the prompt with that id. */
  answer(answer: ProxyAuthAnswer): void {
    const prompt = [...this.open.values()].find((p) => p.id === answer.id);
    if (!prompt) {
      throw new CcmsError(
        'WRONG_STATE',
        'No proxy sign-in is waiting for this answer: it was already answered, cancelled or timed out.',
      );
    }
    if ('cancel' in answer) {
      this.end(prompt.proxy, undefined, 'cancelled');
      return;
    }
    const credentials = { username: answer.username, password: answer.password };
    this.forget(prompt.proxy);
    // Scrubbed from every log line by exact match for as long as they are kept (logging/redact.ts).
    const release = holdLiveSecrets([credentials.username, credentials.password]);
    this.known.set(prompt.proxy, { credentials, release });
    this.end(prompt.proxy, credentials, 'answered');
  }

  remembered(proxy: string): ProxyCredentials | undefined {
    return this.known.get(proxy)?.credentials;
  }

  refused(proxy: string, credentials: ProxyCredentials): void {
    const known = this.known.get(proxy);
    if (known && same(known.credentials, credentials)) this.forget(proxy);
  }

  waiting(): boolean {
    return this.open.size > 0;
  }

  /** Quitting: every open prompt is cancelled and every remembered answer dropped. */
  dispose(): void {
    this.disposed = true;
    for (const proxy of [...this.open.keys()]) this.end(proxy, undefined, 'cancelled');
    for (const proxy of [...this.known.keys()]) this.forget(proxy);
  }

  private forget(proxy: string): void {
    this.known.get(proxy)?.release();
    this.known.delete(proxy);
  }

  private end(
    proxy: string,
    answer: ProxyCredentials | undefined,
    reason: 'answered' | 'cancelled' | 'timedOut',
  ): void {
    const prompt = this.open.get(proxy);
    if (!prompt) return;
    this.open.delete(proxy);
    this.deps.clock.clearTimeout(prompt.timer);
    if (reason !== 'answered') this.deps.log.info('proxy sign-in not answered', { proxy, reason });
    this.deps.emit('proxyAuthEnded', { id: prompt.id, reason });
    for (const resolve of prompt.waiters) resolve(answer);
  }
}
