import * as Y from 'yjs';
import { send, updateMessage, type CollabConnection } from './collab-connection';

/**
 * Relays a room's doc updates to its sockets once the messages that arrived in this turn of the event loop
 * are handled: a run of updates from one sender (a fast typist, a paste, a burst after reconnecting) goes
 * out as one merged message, encoded once for every socket; a lone keystroke goes out as it came, within
 * the same turn.
 */
export class RoomFanout {
  private outgoing: Array<{ update: Uint8Array; origin: CollabConnection | undefined }> = [];
  private timer: NodeJS.Immediate | null = null;

  constructor(private readonly connections: ReadonlySet<CollabConnection>) {}

  relay(update: Uint8Array, origin: CollabConnection | undefined): void {
    this.outgoing.push({ update, origin });
    this.timer ??= setImmediate(() => this.sendOutgoing());
  }

  /** One message to every socket of the room but `except`. */
  broadcast(message: Uint8Array, except: CollabConnection | undefined): void {
    for (const connection of this.connections) if (connection !== except) send(connection, message);
  }

  destroy(): void {
    if (this.timer) clearImmediate(this.timer);
    this.outgoing = [];
  }

  private sendOutgoing(): void {
    this.timer = null;
    const outgoing = this.outgoing;
    this.outgoing = [];
    let start = 0;
    while (start < outgoing.length) {
      const origin = outgoing[start].origin;
      let end = start + 1;
      while (end < outgoing.length && outgoing[end].origin === origin) end++;
      const update =
        end - start === 1
          ? outgoing[start].update
          : Y.mergeUpdates(outgoing.slice(start, end).map((item) => item.update));
      this.broadcast(updateMessage(update), origin);
      start = end;
    }
  }
}
