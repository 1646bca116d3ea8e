import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessTooBigError, ownAwarenessUpdate } from './collab-presence';

const identity = { name: 'Signed-in Expert', color: '#336699' };

function encode(states: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const { clientId, clock, json } of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** Applies an update to a fresh Awareness and returns its states, as an editor would see them. */
function seen(update: Uint8Array): Map<number, Record<string, unknown>> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  awarenessProtocol.applyAwarenessUpdate(awareness, update, 'test');
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states as Map<number, Record<string, unknown>>;
}

describe('ownAwarenessUpdate', () => {
  it('replaces the user field with the signed-in user and keeps the rest of the state', () => {
    const update = ownAwarenessUpdate(
      encode([
        {
          clientId: 7,
          clock: 1,
          json: JSON.stringify({ user: { name: 'Minister', color: '#ff0000', extra: 1 }, cursor: { anchor: 3 } }),
        },
      ]),
      identity,
      () => true,
      1000,
    );
    expect(seen(update!).get(7)).toEqual({ user: identity, cursor: { anchor: 3 } });
  });

  it('drops entries for client ids the connection may not claim, keeping its own', () => {
    const claimed = new Set([7]);
    const update = ownAwarenessUpdate(
      encode([
        { clientId: 8, clock: 9, json: '{"user":{"name":"Someone else"}}' },
        { clientId: 7, clock: 2, json: '{}' },
      ]),
      identity,
      (id) => claimed.has(id),
      1000,
    );
    expect([...seen(update!).keys()]).toEqual([7]);
    expect(
      ownAwarenessUpdate(encode([{ clientId: 8, clock: 9, json: '{}' }]), identity, (id) => claimed.has(id), 1000),
    ).toBeNull();
  });

  it('passes "left" (null) through, and turns a state that is not an object into null', () => {
    const update = ownAwarenessUpdate(
      encode([
        { clientId: 1, clock: 2, json: 'null' },
        { clientId: 2, clock: 2, json: '"a string"' },
        { clientId: 3, clock: 2, json: '[1,2]' },
      ]),
      identity,
      () => true,
      1000,
    );
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(
      awareness,
      encode([1, 2, 3].map((clientId) => ({ clientId, clock: 1, json: '{"x":1}' }))),
      'test',
    );
    awarenessProtocol.applyAwarenessUpdate(awareness, update!, 'test');
    expect([1, 2, 3].map((id) => awareness.getStates().has(id))).toEqual([false, false, false]);
    awareness.destroy();
  });

  it('throws AwarenessTooBigError for a state over the limit, before claiming anything', () => {
    const claims: number[] = [];
    const big = encode([{ clientId: 5, clock: 1, json: JSON.stringify({ padding: 'p'.repeat(2000) }) }]);
    expect(() => ownAwarenessUpdate(big, identity, (id) => claims.push(id) > 0, 1000)).toThrow(AwarenessTooBigError);
    expect(claims).toEqual([]);
  });

  it('throws on a state that is not JSON (the socket is closed as malformed)', () => {
    expect(() =>
      ownAwarenessUpdate(encode([{ clientId: 5, clock: 1, json: '{not json' }]), identity, () => true, 1000),
    ).toThrow(SyntaxError);
  });
});
