import net from 'net';

/**
 * What a lossy, far-away link does to a TCP connection, as seen by the applications at either end
 * (ADR 005, "A slow, lossy link"). TCP never hands the application a gap: a lost segment is sent again,
 * and everything behind it waits (head-of-line blocking). So loss shows up as stalls, in order; and a long
 * burst of it (or a network change) as a connection that dies, which the client must notice and reopen.
 */
export interface LossyLinkOptions {
  /** Added to every chunk in each direction: half the round-trip time. */
  oneWayDelayMs: number;
  /** Share of chunks "lost": delivered (with everything behind them) only after a retransmission. */
  lossRate: number;
  /** How late a lost chunk arrives: uniformly between these (one RTT for a fast retransmit, up to one RTO). */
  retransmitMs: [number, number];
  /** Share of chunks at which the connection dies (both sides reset, data in flight gone). */
  dropRate: number;
  /** Seed of the link's random choices, so a failing run can be repeated. */
  seed: number;
}

export interface LossyLink {
  port: number;
  baseUrl: string;
  stats: { connections: number; chunks: number; retransmits: number; drops: number };
  /** Kills every open connection now (as a drop would). */
  dropAll(): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator (Math.random cannot be seeded). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A TCP proxy on a free local port to `target`, delaying, stalling and dropping as `options` say. */
export async function startLossyLink(target: { port: number }, options: LossyLinkOptions): Promise<LossyLink> {
  const next = random(options.seed);
  const stats = { connections: 0, chunks: 0, retransmits: 0, drops: 0 };
  const open = new Set<() => void>();

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    stats.connections++;
    const upstream = net.connect({ port: target.port, host: '127.0.0.1', allowHalfOpen: true });
    const timers = new Set<NodeJS.Timeout>();
    let dead = false;
    const kill = () => {
      if (dead) return;
      dead = true;
      open.delete(kill);
      for (const timer of timers) clearTimeout(timer);
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    };
    open.add(kill);
    client.on('error', kill);
    upstream.on('error', kill);
    let closed = 0;
    const onClose = () => {
      if (++closed === 2) kill();
    };
    client.on('close', onClose);
    upstream.on('close', onClose);

    /** One direction: chunks leave in order, each no earlier than the one before it; so does the end. */
    const pipe = (from: net.Socket, to: net.Socket) => {
      let lastDelivery = 0;
      const later = (at: number, deliver: () => void) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!dead) deliver();
        }, at - Date.now());
        timers.add(timer);
      };
      from.on('end', () => later(Math.max(Date.now() + options.oneWayDelayMs, lastDelivery), () => to.end()));
      from.on('data', (chunk: Buffer) => {
        if (dead) return;
        stats.chunks++;
        if (next() < options.dropRate) {
          stats.drops++;
          kill();
          return;
        }
        let at = Math.max(Date.now() + options.oneWayDelayMs, lastDelivery);
        if (next() < options.lossRate) {
          stats.retransmits++;
          const [min, max] = options.retransmitMs;
          at += min + next() * (max - min);
        }
        lastDelivery = at;
        later(at, () => to.write(chunk));
      });
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stats,
    dropAll: () => {
      for (const kill of [...open]) {
        stats.drops++;
        kill();
      }
    },
    close: async () => {
      for (const kill of [...open]) kill();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
