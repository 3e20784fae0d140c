import { connect, type TLSSocket } from 'node:tls';

/** A reply: status and parsed JSON body (free JSON: the bench inspects it). */
export interface RawReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected as free JSON
  body: any;
}

/**
 * The load generator's HTTP/1.1 client: one kept-alive TLS connection, one request at a time,
 * requests written as one precomposed string, replies framed by Content-Length. A terminal keeps
 * its connection open the same way; this only skips the general-purpose machinery of
 * `https.request` (agent bookkeeping, header objects, streams), which cost the generator about
 * as much CPU as the simulator's whole request handling, on the same two cores.
 */
export class KeepAliveClient {
  private socket: TLSSocket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (r: RawReply) => void; reject: (e: Error) => void } | undefined;
  private readonly hostHeader: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly ca: string,
    /** The local address to connect from (a 127.x.y.z on loopback: one workstation each). */
    private readonly localAddress?: string,
  ) {
    this.hostHeader = `${host}:${port}`;
  }

  private open(): TLSSocket {
    const socket = connect({
      host: this.host,
      port: this.port,
      ca: this.ca,
      ...(this.localAddress !== undefined && { localAddress: this.localAddress }),
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (e: Error): void => {
      if (this.socket === socket) this.socket = undefined;
      const p = this.pending;
      this.pending = undefined;
      p?.reject(e);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the reply')));
    this.buffer = Buffer.alloc(0);
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || this.pending === undefined) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const m = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (m === null) {
      this.fail(new Error(`reply without Content-Length: ${head.split('\r\n')[0] ?? ''}`));
      return;
    }
    const length = Number(m[1]);
    if (this.buffer.length < end + 4 + length) return;
    const text = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    const p = this.pending;
    this.pending = undefined;
    if (/\r\nconnection: *close/i.test(head)) {
      this.socket?.destroy();
      this.socket = undefined;
    }
    try {
      p.resolve({ status, body: length === 0 ? undefined : JSON.parse(text) });
    } catch (e) {
      p.reject(e as Error);
    }
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    this.socket?.destroy();
    this.socket = undefined;
    p?.reject(e);
  }

  /** POSTs a JSON body (already serialized) and resolves with the reply. */
  post(path: string, json: string): Promise<RawReply> {
    if (this.pending !== undefined) return Promise.reject(new Error('one request at a time'));
    this.socket ??= this.open();
    const socket = this.socket;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
      );
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }
}
