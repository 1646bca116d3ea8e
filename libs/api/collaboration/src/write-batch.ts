/** The part of a socket's byte stream (net.Socket) that batching needs. */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

/** Streams written to during the current callback (see corkForThisTick). */
const corked = new Set<Corkable>();

function uncorkAll(): void {
  for (const stream of corked) stream.uncork();
  corked.clear();
}

/**
 * Holds a socket's writes until the current callback has run, so that every frame it gets meanwhile (the
 * relays of several senders, a "saved", presence) leaves in one write system call (Node's writev) instead of
 * one each. Under load, one callback relays the runs of many senders to every socket of a room; that is
 * where the syscalls went. The frames themselves, and their order, are unchanged.
 */
export function corkForThisTick(stream: Corkable | undefined): void {
  if (!stream || corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  if (corked.size === 1) process.nextTick(uncorkAll);
}
