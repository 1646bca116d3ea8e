import { request, type ClientRequest } from 'http';

export interface SseEvent {
  event: string;
  data: string;
  /** Date.now() when the event arrived. */
  at: number;
}

export interface SseStream {
  status: number;
  events: SseEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The first event (already arrived or still to come) matching `ok`; fails after `timeoutMs`. */
  next(ok: (event: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Opens a server-sent events stream with a session cookie, as EventSource would. */
export function openSse(url: string, cookie: string | null): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters = new Set<() => void>();
    let markEnded: () => void = () => undefined;
    const ended = new Promise<void>((r) => (markEnded = r));
    const req: ClientRequest = request(
      url,
      { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } },
      (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trim());
            }
            if (data.length === 0) continue;
            events.push({ event, data: data.join('\n'), at: Date.now() });
            for (const wake of waiters) wake();
          }
        });
        response.on('end', markEnded);
        response.on('close', markEnded);
        resolve({
          status: response.statusCode ?? 0,
          events,
          ended,
          next: (ok, what, timeoutMs = 5000) =>
            new Promise((done, fail) => {
              const check = () => {
                const found = events.find(ok);
                if (!found) return;
                cleanup();
                done(found);
              };
              const timer = setTimeout(() => {
                cleanup();
                fail(new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`));
              }, timeoutMs);
              const cleanup = () => {
                clearTimeout(timer);
                waiters.delete(check);
              };
              waiters.add(check);
              check();
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
