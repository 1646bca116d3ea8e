import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  messages: SinkMessage[];
  waitForMessage(predicate: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Refuse recipients, e.g. `() => new Error('550 mailbox unavailable')` to simulate a refusing server. */
  rejectRecipient?: (address: SMTPServerAddress, session: SMTPServerSession) => Error | null;
  /** Listen on this port (a server that "comes back" where SMTP_URL already points); default: a free one. */
  port?: number;
  /** Called at RCPT TO; the answer waits for the promise (a stalled server: the client is mid-send). */
  holdRecipient?: (address: SMTPServerAddress) => Promise<void> | null;
}

/** A real SMTP server on 127.0.0.1 and a free port that keeps every message it receives, parsed. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      const held = options.holdRecipient?.(address);
      if (held) {
        void held.then(
          () => callback(),
          () => callback(new Error('421 closing')),
        );
        return;
      }
      const error = options.rejectRecipient?.(address, session) ?? null;
      if (error) {
        (error as Error & { responseCode?: number }).responseCode ??= 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage(predicate, timeoutMs = 15_000) {
      return new Promise<SinkMessage>((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching message within ${timeoutMs} ms (received ${messages.length}: ${messages.map((m) => m.subject).join(' | ')})`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
