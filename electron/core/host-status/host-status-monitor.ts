// Whether the host answers, found by probing `GET /health`: every minute while it does (which also
// brings the maintenance it announces), and with a doubling backoff while it does not, so a lost
// connection shows without the user acting and never turns into a hot loop.
import type { HostStatus } from '../../../shared/bridge.js';
import { CcmsError, type ErrorCode } from '../../../shared/errors.js';
import type { HealthReply } from '../../../shared/protocol.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { HostLog } from '../host/host-client.js';

/** The errors that mean "the host cannot be reached now", as opposed to a wrong or refused reply. */
export const CONNECTION_LOST_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'HOST_UNREACHABLE',
  'HOST_TIMEOUT',
]);

/** What the monitor works with. */
export interface HostStatusOptions {
  clock: Clock;
  /** `GET /health` of the host the terminal uses now. */
  health(): Promise<HealthReply>;
  /** Every change of the status. */
  onChange(status: HostStatus): void;
  /** The host answers again after it did not: the session (if any) is checked with it. */
  onReconnected(): Promise<void>;
  log?: HostLog;
  /** Between probes while the host answers; default 60 s. */
  everyMs?: number;
  /** The first retry after a failure, doubled each time up to `maxBackoffMs`; default 2 s, 30 s. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Probes the host and keeps `HostStatus`; one probe at a time, one timer. */
export class HostStatusMonitor {
  private current: HostStatus = { connection: 'unknown', maintenance: [] };
  private timer: TimerHandle | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(private readonly opts: HostStatusOptions) {}

  /** The status as last found. */
  status(): HostStatus {
    return this.current;
  }

  /** Probes now (start-up, a maintenance refusal, a call that could not reach the host). */
  probeNow(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /**
   * A call of the terminal's own failed: a lost connection shows at once and is probed with
   * backoff; any other error says nothing about the connection.
   */
  noteError(err: unknown): void {
    if (!(err instanceof CcmsError) || !CONNECTION_LOST_CODES.has(err.code)) return;
    if (this.current.connection === 'reconnecting') return; // already probing with backoff
    this.lost();
    this.schedule(this.backoffMs());
  }

  /** Stops probing. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async probe(): Promise<void> {
    let reply: HealthReply;
    try {
      reply = await this.opts.health();
    } catch (err) {
      if (this.disposed) return;
      if (err instanceof CcmsError && CONNECTION_LOST_CODES.has(err.code)) {
        this.lost();
        this.schedule(this.backoffMs());
      } else {
        // A host that answers wrongly (or none configured) is not a lost connection.
        this.opts.log?.debug('health probe failed', {
          code: err instanceof CcmsError ? err.code : 'UNKNOWN',
        });
        this.schedule(this.opts.everyMs ?? 60_000);
      }
      return;
    }
    if (this.disposed) return;
    const wasLost = this.current.connection === 'reconnecting';
    this.failures = 0;
    this.set({ connection: 'ok', maintenance: reply.maintenance ?? [] });
    this.schedule(this.opts.everyMs ?? 60_000);
    if (wasLost) {
      this.opts.log?.debug('the host answers again');
      await this.opts.onReconnected().catch(() => undefined);
    }
  }

  private lost(): void {
    this.failures++;
    if (this.current.connection === 'reconnecting') return;
    this.opts.log?.warn('the host does not answer; probing with backoff');
    this.set({
      connection: 'reconnecting',
      lostAt: new Date(this.opts.clock.now()).toISOString(),
      maintenance: this.current.maintenance,
    });
  }

  private backoffMs(): number {
    const first = this.opts.firstBackoffMs ?? 2_000;
    const max = this.opts.maxBackoffMs ?? 30_000;
    return Math.min(max, first * 2 ** Math.max(0, this.failures - 1));
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer) this.opts.clock.clearTimeout(this.timer);
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      void this.probeNow();
    }, ms);
  }

  private set(next: HostStatus): void {
    const same = JSON.stringify(next) === JSON.stringify(this.current);
    this.current = next;
    if (!same) this.opts.onChange(next);
  }
}
