import { Global, Injectable, Module } from '@nestjs/common';
import { config, loadConfig } from '@roundtable/api-config';

/** Environment variable that starts the clock at another instant (tests and demos only). */
export const CLOCK_ENV = 'ROUNDTABLE_CLOCK';

/**
 * The one source of "now" for business rules (risk colours, overdue flags, reminders due). Real time by
 * default; `ROUNDTABLE_CLOCK=2021-12-20T08:00:00Z` starts it at that instant and lets it run on from there,
 * so an end-to-end test can put the server before or after a due date. Refused with NODE_ENV=production,
 * where a wrong clock would send real reminders on the wrong day.
 *
 * Business decisions and the dates people see take "now" from here (due / overdue, reminders, call open,
 * link and invitation expiry, decided / joined / left / revoked dates). Security and machinery stay on real
 * time on purpose: sessions and their revocation, login and per-address throttles, password-reset links,
 * calendar-feed tokens, the outbox's retries and leases, automatic versions, document snapshots.
 */
@Injectable()
export class Clock {
  /** Milliseconds added to real time. */
  private offsetMs: number;

  constructor() {
    const start = config().clockStart;
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's calendar date (UTC), `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** Moves the clock to `instant` (it keeps running from there). For tests in the same process. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

/** Milliseconds ROUNDTABLE_CLOCK moves the clock in `env` (checked by the configuration module). */
export function clockOffsetFromEnv(env: NodeJS.ProcessEnv): number {
  const start = loadConfig(env).clockStart;
  return start ? start.getTime() - Date.now() : 0;
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
