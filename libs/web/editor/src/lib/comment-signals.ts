/**
 * "This document's comments changed" (COLLAB_MESSAGE_COMMENTS_CHANGED from the server, or a reconnect after
 * which earlier signals may have been missed) for whoever shows comments.
 */
export class CommentSignals {
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** For `provider.messageHandlers[COLLAB_MESSAGE_COMMENTS_CHANGED]`: the message has no payload and needs no answer. */
  readonly messageHandler = (): void => this.emit();
}
