import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import type { SimSettings } from '../settings.js';

// The package's `Algorithm` is an ambient const enum (unusable under verbatimModuleSyntax): 2 is Argon2id.
const ARGON2ID = 2;

/** At most `limit` tasks at once; the rest wait in order. */
class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
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
 * Argon2id hashing. @node-rs/argon2 runs each call on libuv's thread pool, off the event loop; a
 * gate bounds the hashes in flight (`argon2Concurrency`; 0 = one per core plus one), because many
 * more memory-hard hashes than cores only evict each other's 19 MiB from the caches. The one extra
 * waits in the pool's queue, so a thread that finishes a hash starts the next at once: with
 * exactly one per core, every hand-over went through the event loop and the cores sat idle 7-9%
 * of the time under load (bench:host), against 1-3% with the extra one.
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
    this.gate = new Gate(settings.argon2Concurrency || availableParallelism() + 1);
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
