import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What every editor shows for a connection's cursor: always the signed-in user's, never what the client says. */
export interface PresenceIdentity {
  name: string;
  color: string;
}

/** An awareness state larger than the limit: the socket is closed with 1009. */
export class AwarenessTooBigError extends Error {}

/**
 * Rewrites one awareness update (y-protocols encoding: count, then per client id, clock and JSON state)
 * received from a connection so that it only speaks for that connection:
 * - entries for client ids the connection does not own are dropped (a stock y-websocket client echoes other
 *   clients' presence back, so this is not an error); `claim(id)` decides whether an id not yet owned may be
 *   taken (the room allows one id per connection, not held by another user's connection);
 * - the `user` field of a state is replaced by the signed-in user's name and colour;
 * - a state over `maxStateBytes` throws AwarenessTooBigError.
 * Returns the update to apply, or null when nothing is left.
 */
export function ownAwarenessUpdate(
  update: Uint8Array,
  identity: PresenceIdentity,
  claim: (clientId: number) => boolean,
  maxStateBytes: number,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (Buffer.byteLength(json) > maxStateBytes)
      throw new AwarenessTooBigError(`awareness state of ${Buffer.byteLength(json)} bytes`);
    if (!claim(clientId)) continue;
    kept.push({ clientId, clock, state: boundState(json, identity) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function boundState(json: string, identity: PresenceIdentity): string {
  const state: unknown = JSON.parse(json);
  // null = "this client left"; anything that is not an object carries no name to spoof and is dropped to null.
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return 'null';
  return JSON.stringify({ ...state, user: { name: identity.name, color: identity.color } });
}
