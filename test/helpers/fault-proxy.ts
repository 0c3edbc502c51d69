import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LinkProfile {
  /** One-way delay added to every segment (round trip = 2 ×). */
  latencyMs: number;
  /** Link capacity per direction, shared by all connections, as on a real line. */
  bytesPerSecond: number;
  /** Cut every open connection at random intervals in this range; null never cuts. */
  cutEveryMs: readonly [number, number] | null;
  /** Chance that a segment is lost; the connection it was on dies with it (as TCP would). */
  lossPerSegment: number;
}

export const PERFECT_LINK: LinkProfile = {
  latencyMs: 0,
  bytesPerSecond: Infinity,
  cutEveryMs: null,
  lossPerSegment: 0,
};

const SEGMENT_BYTES = 1460;

interface SegmentQueue {
  segments: { segment: Buffer; sendAt: number; lost: boolean; direction: 'up' | 'down' }[];
  timer: NodeJS.Timeout | undefined;
}

/**
 * A TCP proxy on 127.0.0.1 between sync clients and the server that behaves like a bad rural
 * link: latency, a bandwidth cap, lost segments and connections cut mid-response. Deterministic
 * enough to bound a test's time, random enough to hit every stage of a request.
 */
export class FaultProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly queues = new WeakMap<Socket, SegmentQueue>();
  private readonly nextFree = { up: 0, down: 0 };
  private cutTimer: NodeJS.Timeout | undefined;
  private upstreamDown = false;
  private responsesToCut = 0;
  readonly stats = { connections: 0, cuts: 0, lostSegments: 0, bytesUp: 0, bytesDown: 0 };

  constructor(
    private readonly targetPort: () => number,
    private profile: LinkProfile,
    private readonly random: () => number = Math.random,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.scheduleCut();
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy not listening');
    return address.port;
  }

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('proxy not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /**
   * A different link from now on. Its cap starts afresh: what the old link had queued keeps its
   * times, but new traffic does not wait behind it. (Without this, a slow link's backlog, say the
   * pushes of a client killed at 2 kbit/s, held every later request for a minute after the link
   * was made perfect, and a test waiting 15 s for the restarted client to connect failed.)
   */
  setProfile(profile: LinkProfile): void {
    this.profile = profile;
    this.nextFree.up = 0;
    this.nextFree.down = 0;
    clearTimeout(this.cutTimer);
    this.scheduleCut();
  }

  /** Refuse new connections and cut the open ones: the cable is out. */
  unplug(): void {
    this.upstreamDown = true;
    this.cutAll();
  }

  plugIn(): void {
    this.upstreamDown = false;
  }

  /**
   * The next `count` responses never arrive: each connection dies as the server's first bytes
   * come back, that is after the server has acted on the request, as when a link drops mid-answer.
   */
  cutNextResponses(count: number): void {
    this.responsesToCut = count;
  }

  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    clearTimeout(this.cutTimer);
    this.cutAll();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.upstreamDown) {
      client.destroy();
      return;
    }
    this.stats.connections += 1;
    const upstream = connect(this.targetPort(), '127.0.0.1');
    const pair = [client, upstream];
    for (const socket of pair) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        clearTimeout(this.queues.get(socket)?.timer);
        for (const other of pair) other.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => this.forward(chunk, upstream, 'up'));
    upstream.on('data', (chunk: Buffer) => {
      if (this.responsesToCut > 0 && !client.destroyed) {
        this.responsesToCut -= 1;
        this.stats.cuts += 1;
        client.destroy();
        return;
      }
      this.forward(chunk, client, 'down');
    });
  }

  /**
   * Splits a chunk into segments and releases each when latency and the shared cap allow, in the
   * order they came: one queue and one timer per socket. (A timer per segment reordered them: Node
   * counts a timer from the event loop's cached time, not from `Date.now()`, so on a busy machine a
   * later segment's timer could expire first, and the bytes arrived scrambled, which TCP never
   * does. A resumed installer download then failed its sha512.)
   */
  private forward(chunk: Buffer, target: Socket, direction: 'up' | 'down'): void {
    let queue = this.queues.get(target);
    if (!queue) {
      queue = { segments: [], timer: undefined };
      this.queues.set(target, queue);
    }
    for (let offset = 0; offset < chunk.length; offset += SEGMENT_BYTES) {
      const segment = chunk.subarray(offset, offset + SEGMENT_BYTES);
      const sendAt = Math.max(Date.now() + this.profile.latencyMs, this.nextFree[direction]);
      this.nextFree[direction] = sendAt + (segment.length / this.profile.bytesPerSecond) * 1000;
      const lost = this.random() < this.profile.lossPerSegment;
      queue.segments.push({ segment, sendAt, lost, direction });
    }
    this.drainLater(target, queue);
  }

  private drainLater(target: Socket, queue: SegmentQueue): void {
    const head = queue.segments[0];
    if (!head || queue.timer) return;
    queue.timer = setTimeout(
      () => {
        queue.timer = undefined;
        this.drain(target, queue);
      },
      Math.max(0, head.sendAt - Date.now()),
    );
  }

  private drain(target: Socket, queue: SegmentQueue): void {
    while (queue.segments.length > 0) {
      const head = queue.segments[0];
      if (!head || head.sendAt > Date.now()) break;
      queue.segments.shift();
      if (target.destroyed) {
        queue.segments.length = 0;
        return;
      }
      if (head.lost) {
        this.stats.lostSegments += 1;
        target.destroy();
        queue.segments.length = 0;
        return;
      }
      this.stats[head.direction === 'up' ? 'bytesUp' : 'bytesDown'] += head.segment.length;
      target.write(head.segment);
    }
    this.drainLater(target, queue);
  }

  private scheduleCut(): void {
    const range = this.profile.cutEveryMs;
    if (!range) return;
    const [min, max] = range;
    this.cutTimer = setTimeout(
      () => {
        if (this.sockets.size > 0) this.stats.cuts += 1;
        this.cutAll();
        this.scheduleCut();
      },
      min + this.random() * (max - min),
    );
  }
}
