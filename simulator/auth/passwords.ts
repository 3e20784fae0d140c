import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import type { SimSettings } from '../settings.js';

// The package's `Algorithm` is an ambient const enum (unusable under verbatimModuleSyntax): 2 is Argon2id.
const ARGON2ID = 2;

/** At most `limit` tasks at once; the rest wait in order. */
export class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Hashes in flight when the settings leave it to the machine: one per core. Each argon2id verify
 * is memory-hard (19 MiB) and runs on libuv's thread pool; with more in flight than cores the
 * kernel time-slices them and each one costs more CPU. Measured on 2 cores (bench:host, CPU per
 * verify in the simulator during logins): 10.5 ms with one per core, 11.6 ms with one per core
 * plus one queued, 12 ms with the pool full; a bare HTTPS host that does nothing but the verify
 * showed the same (CPU ratio 0.99 against 0.89). The cores stayed busy (2% idle) either way.
 */
export function defaultHashConcurrency(): number {
  return availableParallelism();
}

/**
 * Argon2id hashing. @node-rs/argon2 runs each call on libuv's thread pool, off the event loop; a
 * gate bounds the hashes in flight (`argon2Concurrency`; 0 = defaultHashConcurrency()).
 */
export class PasswordHasher {
  private readonly options;
  private readonly gate: Gate;
  private dummy: Promise<string> | undefined;
  private verifyCount = 0;
  constructor(
    settings: Pick<
      SimSettings,
      'argon2MemoryKib' | 'argon2TimeCost' | 'argon2Parallelism' | 'argon2Concurrency'
    >,
  ) {
    this.options = {
      algorithm: ARGON2ID,
      memoryCost: settings.argon2MemoryKib,
      timeCost: settings.argon2TimeCost,
      parallelism: settings.argon2Parallelism,
    } as const;
    this.gate = new Gate(settings.argon2Concurrency || defaultHashConcurrency());
  }
  /** Hashes allowed in flight at once. */
  get concurrency(): number {
    return this.gate.limit;
  }
  /** Password checks started (dummy ones included): a test counts them to bound argon2 work. */
  get verifies(): number {
    return this.verifyCount;
  }
  /** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`). */
  hash(password: string): Promise<string> {
    return this.gate.run(() => hash(password, this.options));
  }
  /** False for a wrong password or a malformed stored hash; never throws on bad input. */
  async verify(stored: string, password: string): Promise<boolean> {
    this.verifyCount++;
    try {
      return await this.gate.run(() => verify(stored, password));
    } catch {
      return false;
    }
  }
  /**
   * Verifies against a hash of a random password made with the same parameters, so an unknown
   * user ID costs exactly what a wrong password costs (no timing oracle for user enumeration).
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(`dummy-${Math.random()}-${Date.now()}`);
    await this.verify(await this.dummy, password);
    return false;
  }
}
