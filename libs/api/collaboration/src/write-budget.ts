/**
 * A token bucket: refills at `rate` units per second up to `burst`. Time comes from the caller, so its
 * decisions are tested without timers.
 */
export class TokenBucket {
  private tokens: number;

  constructor(
    private readonly rate: number,
    readonly burst: number,
    private at: number,
  ) {
    this.tokens = burst;
  }

  /** How long (ms) from `now` until `cost` units are available; 0 = available now. Takes nothing. */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    return this.tokens >= cost ? 0 : Math.ceil(((cost - this.tokens) / this.rate) * 1000);
  }

  /** Takes `cost` units (after waitFor said they are there). */
  take(cost: number): void {
    this.tokens -= cost;
  }

  /** Takes `cost` units if available now; returns waitFor's answer. */
  tryTake(cost: number, now: number): number {
    const wait = this.waitFor(cost, now);
    if (wait === 0) this.take(cost);
    return wait;
  }

  /** Full again at `now`: the bucket can be forgotten (a new one starts full). */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    if (now <= this.at) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
  }
}

/** One unit per update message plus one per full 4 KB, so a few large updates weigh like many small ones. */
export function writeCost(bytes: number): number {
  return 1 + Math.floor(bytes / 4096);
}

/** Bursts of ten seconds' worth, as for the per-socket message limit. */
const BURST_SECONDS = 10;

/**
 * Write budgets of accounts (over all their sockets) and of documents (over all their writers). A socket
 * whose next update does not fit waits (its messages queue, its socket stops reading) until both budgets
 * have room: the offender is slowed, everyone else's updates keep their place in the commit queue.
 */
export class WriteBudgets {
  private readonly users = new Map<string, TokenBucket>();
  private readonly documents = new Map<string, TokenBucket>();

  constructor(
    private readonly userUnitsPerSecond: number,
    private readonly documentUnitsPerSecond: number,
  ) {}

  /**
   * Takes the cost of one update message of `bytes` from both budgets if both have room, and returns 0;
   * otherwise takes nothing and returns how long (ms) to wait before asking again.
   */
  take(userId: string, documentId: string, bytes: number, now: number): number {
    const user = bucket(this.users, userId, this.userUnitsPerSecond, now);
    const document = bucket(this.documents, documentId, this.documentUnitsPerSecond, now);
    // A message costlier than a whole burst waits for a full bucket rather than forever.
    const cost = (b: TokenBucket) => Math.min(writeCost(bytes), b.burst);
    const wait = Math.max(user.waitFor(cost(user), now), document.waitFor(cost(document), now));
    if (wait === 0) {
      user.take(cost(user));
      document.take(cost(document));
    }
    return wait;
  }

  /** Forgets full buckets (bounded memory: only accounts and documents that wrote recently are kept). */
  sweep(now: number): void {
    for (const buckets of [this.users, this.documents]) {
      for (const [key, value] of buckets) if (value.isFull(now)) buckets.delete(key);
    }
  }
}

function bucket(buckets: Map<string, TokenBucket>, key: string, rate: number, now: number): TokenBucket {
  let found = buckets.get(key);
  if (!found) {
    found = new TokenBucket(rate, rate * BURST_SECONDS, now);
    buckets.set(key, found);
  }
  return found;
}
