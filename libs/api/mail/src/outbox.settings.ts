import { loadConfig, type OutboxConfig } from '@roundtable/api-config';

/**
 * The outbox worker's timings, read from the environment (through the configuration module) at each use
 * (tests change them in-process):
 * - OUTBOX_POLL_MS: how often the queue sweep looks for due rows (default 1 min). The process that commits
 *   a mail drains right after the commit and again when its next row falls due, so the sweep only picks up
 *   what a process left behind (killed, or stopped with retries pending);
 * - OUTBOX_RETRY_BASE_MS / OUTBOX_RETRY_MAX_MS: the first retry delay, doubled per failed attempt up to the
 *   cap (default 30 s, 1 h); OUTBOX_MAX_ATTEMPTS: attempts before a row is `failed` (default 10, ≈ 4 h);
 * - OUTBOX_LEASE_MS: how long a claimed row belongs to its worker (default 2 min, longer than the SMTP
 *   timeouts); after it, a crashed worker's row is sent again.
 */
export type OutboxSettings = OutboxConfig;

/** The defaults (no variable set). */
export const OUTBOX_DEFAULTS: OutboxSettings = loadConfig({}).outbox;

export function outboxSettings(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  return loadConfig(env).outbox;
}

/** Delay before the attempt after `attempts` failed ones: base · 2^(attempts−1), capped. */
export function retryDelayMs(attempts: number, settings: Pick<OutboxSettings, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 40)));
}

/** SMTP said no for good (5xx: unknown mailbox, refused content): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function smtpUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return loadConfig(env).smtpUrl;
}
