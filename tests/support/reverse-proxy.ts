import http from 'http';
import net from 'net';

/** Which backend the proxy chose for a request or a WebSocket upgrade. */
export interface ProxyPick {
  kind: 'http' | 'upgrade';
  path: string;
  backend: number;
}

export interface ReverseProxy {
  baseUrl: string;
  /** Every request and upgrade, in order, with the backend that served it. */
  picks: ProxyPick[];
  close(): Promise<void>;
}

/**
 * A small reverse proxy for tests, doing what nginx does in docker/compose.yaml: HTTP requests and WebSocket
 * upgrades (passed through as raw bytes once the backend answers) go to the backends round-robin, each kind
 * with its own counter; a backend that refuses the connection (dead) is skipped for the next one.
 */
export async function startReverseProxy(backends: Array<{ port: number }>): Promise<ReverseProxy> {
  const picks: ProxyPick[] = [];
  const next = { http: 0, upgrade: 0 };
  const sockets = new Set<net.Socket>();

  /** Connects to the next live backend, starting at the round-robin position; null when none answers. */
  async function connect(kind: 'http' | 'upgrade'): Promise<{ backend: number; socket: net.Socket } | null> {
    const first = next[kind]++;
    for (let i = 0; i < backends.length; i++) {
      const backend = (first + i) % backends.length;
      const socket = await new Promise<net.Socket | null>((resolve) => {
        const s = net.connect(backends[backend].port, '127.0.0.1');
        s.once('connect', () => resolve(s));
        s.once('error', () => resolve(null));
      });
      if (socket) {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        return { backend, socket };
      }
    }
    return null;
  }

  function forwardedFor(request: http.IncomingMessage): string {
    const previous = request.headers['x-forwarded-for'];
    return previous ? `${previous}, ${request.socket.remoteAddress}` : (request.socket.remoteAddress ?? '');
  }

  const server = http.createServer(async (request, response) => {
    const chosen = await connect('http');
    if (!chosen) {
      response.writeHead(502).end();
      return;
    }
    picks.push({ kind: 'http', path: request.url ?? '', backend: chosen.backend });
    const upstream = http.request(
      {
        createConnection: () => chosen.socket,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, 'x-forwarded-for': forwardedFor(request), connection: 'close' },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });

  server.on('upgrade', async (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const chosen = await connect('upgrade');
    if (!chosen) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    picks.push({ kind: 'upgrade', path: request.url ?? '', backend: chosen.backend });
    const { socket } = chosen;
    socket.on('error', () => client.destroy());
    client.on('error', () => socket.destroy());
    // The upgrade request as it came, plus the client's address; then bytes both ways until either side ends.
    const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (request.rawHeaders[i].toLowerCase() !== 'x-forwarded-for')
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    }
    lines.push(`X-Forwarded-For: ${forwardedFor(request)}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) socket.write(head);
    socket.pipe(client);
    client.pipe(socket);
    socket.once('close', () => client.destroy());
    client.once('close', () => socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    picks,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
