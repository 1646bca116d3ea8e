import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import {
  isEmptyUpdate,
  saveStateOf,
  savedMessageHandler,
  SaveTracker,
  trackingWebSocket,
  updateOfMessage,
  warnWhileUnsaved,
} from './save-tracker';

/** A socket that records what it was asked to send. */
class FakeSocket {
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  static last: FakeSocket | null = null;
  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.last = this;
  }
  send(data: unknown): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  /** Test helpers: the server side of the conversation. */
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: Uint8Array): void {
    const copy = message.slice();
    this.onmessage?.({ data: copy.buffer });
  }
  drop(code = 1006): void {
    this.onclose?.({ code, reason: '' });
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function savedMessage(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, COLLAB_MESSAGE_SAVED);
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('updateOfMessage / isEmptyUpdate', () => {
  it('finds the update in sync step 2 and update messages only', () => {
    const update = textUpdate('a');
    expect(updateOfMessage(syncMessage((e) => syncProtocol.writeUpdate(e, update)))).toEqual(update);
    expect(updateOfMessage(syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc())))).not.toBeNull();
    expect(updateOfMessage(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())))).toBeNull();
    expect(updateOfMessage(new Uint8Array([1, 3, 0, 0, 0]))).toBeNull(); // awareness
    expect(updateOfMessage('text')).toBeNull();
    expect(updateOfMessage(new Uint8Array([0]))).toBeNull();
  });

  it('tells an empty update (nothing to store) from a real one, as the server does', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    expect(isEmptyUpdate(textUpdate('x'))).toBe(false);
  });
});

describe('SaveTracker', () => {
  const update = (text: string) => syncMessage((e) => syncProtocol.writeUpdate(e, textUpdate(text)));
  const emptyStep2 = () => syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc()));

  it('is pending until the server acknowledged every non-empty update message of the socket', () => {
    const tracker = new SaveTracker();
    const socket = {};
    tracker.socketOpened(socket);
    tracker.messageSent(socket, emptyStep2());
    expect(tracker.pending).toBe(false);
    tracker.messageSent(socket, update('a'));
    tracker.messageSent(socket, update('b'));
    expect(tracker.counts).toEqual({ sent: 3, acked: 0, lastNonEmpty: 3 });
    expect(tracker.pending).toBe(true);
    tracker.acknowledged(2);
    expect(tracker.pending).toBe(true);
    tracker.acknowledged(3);
    expect(tracker.pending).toBe(false);
    tracker.acknowledged(1); // out of order / stale: ignored
    expect(tracker.counts.acked).toBe(3);
  });

  it('ignores other message types and messages of an old socket, and restarts with each socket', () => {
    const tracker = new SaveTracker();
    const first = {};
    const second = {};
    tracker.socketOpened(first);
    tracker.messageSent(first, update('a'));
    tracker.messageSent(
      first,
      syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())),
    );
    expect(tracker.counts.sent).toBe(1);
    tracker.socketOpened(second);
    tracker.messageSent(first, update('late'));
    expect(tracker.counts).toEqual({ sent: 0, acked: 0, lastNonEmpty: 0 });
    expect(tracker.pending).toBe(false);
  });

  it('notifies subscribers', () => {
    const tracker = new SaveTracker();
    const calls: number[] = [];
    const off = tracker.subscribe(() => calls.push(tracker.counts.sent));
    const socket = {};
    tracker.socketOpened(socket);
    tracker.messageSent(socket, update('a'));
    off();
    tracker.messageSent(socket, update('b'));
    expect(calls).toEqual([0, 1]);
  });
});

describe('saveStateOf', () => {
  it('says offline after a lost connection, saved only when synced with nothing pending', () => {
    expect(saveStateOf({ connected: false, synced: false, pending: false, lostConnection: false })).toBe('saving');
    expect(saveStateOf({ connected: false, synced: false, pending: false, lostConnection: true })).toBe('offline');
    expect(saveStateOf({ connected: true, synced: false, pending: false, lostConnection: false })).toBe('saving');
    expect(saveStateOf({ connected: true, synced: true, pending: true, lostConnection: false })).toBe('saving');
    expect(saveStateOf({ connected: true, synced: true, pending: false, lostConnection: false })).toBe('saved');
  });
});

describe('with a real WebsocketProvider (y-websocket 3.1.0)', () => {
  function setup() {
    const tracker = new SaveTracker();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://example.test/collab', 'doc-1', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: trackingWebSocket(tracker, FakeSocket as unknown as typeof WebSocket),
    });
    provider.messageHandlers[COLLAB_MESSAGE_SAVED] = savedMessageHandler(tracker);
    provider.connect();
    const socket = FakeSocket.last as FakeSocket;
    return { tracker, doc, provider, socket };
  }

  it('counts our sync step 2 and updates, reads the saved message and answers nothing', () => {
    const { tracker, doc, provider, socket } = setup();
    try {
      socket.open();
      expect(tracker.counts.sent).toBe(0); // sync step 1 and awareness do not count
      // The server's sync step 1: the provider answers with its sync step 2 (through our send()).
      socket.receive(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
      expect(tracker.counts.sent).toBe(1);
      doc.getText('t').insert(0, 'hello');
      expect(tracker.counts).toEqual({ sent: 2, acked: 0, lastNonEmpty: 2 });
      expect(tracker.pending).toBe(true);
      const before = socket.sent.length;
      socket.receive(savedMessage(2));
      expect(socket.sent.length).toBe(before); // no answer to the saved message
      expect(tracker.pending).toBe(false);
      expect(tracker.counts.acked).toBe(2);
    } finally {
      provider.destroy();
      provider.awareness.destroy();
    }
  });

  it('starts counting again on the next socket after a drop', () => {
    const { tracker, doc, provider, socket } = setup();
    jest.useFakeTimers();
    try {
      socket.open();
      doc.getText('t').insert(0, 'a');
      expect(tracker.pending).toBe(true);
      socket.drop();
      doc.getText('t').insert(1, 'b'); // offline: not sent
      jest.advanceTimersByTime(5000); // the provider reconnects
      const next = FakeSocket.last as FakeSocket;
      expect(next).not.toBe(socket);
      expect(tracker.counts).toEqual({ sent: 0, acked: 0, lastNonEmpty: 0 });
      next.open();
      next.receive(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
      expect(tracker.counts).toEqual({ sent: 1, acked: 0, lastNonEmpty: 1 }); // 'ab' goes in sync step 2
      const step2 = updateOfMessage(next.sent.find((m) => updateOfMessage(m)));
      const check = new Y.Doc();
      Y.applyUpdate(check, step2 as Uint8Array);
      expect(check.getText('t').toString()).toBe('ab');
      next.receive(savedMessage(1));
      expect(tracker.pending).toBe(false);
    } finally {
      provider.destroy();
      provider.awareness.destroy();
      jest.useRealTimers();
    }
  });

  it('asks before the tab closes while an edit is unacknowledged, offline edits included, and not once saved', () => {
    const { tracker, doc, provider, socket } = setup();
    const target = new EventTarget();
    const stop = warnWhileUnsaved(doc, provider, tracker, target as unknown as Window);
    const closing = () => {
      // A BeforeUnloadEvent as browsers make it (Node has none; its Event's returnValue has no setter).
      const event = Object.defineProperty(new Event('beforeunload', { cancelable: true }), 'returnValue', {
        value: true,
        writable: true,
      });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    jest.useFakeTimers();
    try {
      socket.open();
      socket.receive(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
      socket.receive(syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc())));
      expect(closing()).toBe(false);
      doc.getText('t').insert(0, 'a'); // sent, possibly relayed, not stored yet
      expect(closing()).toBe(true);
      socket.receive(savedMessage(2));
      expect(closing()).toBe(false);
      socket.drop();
      doc.getText('t').insert(1, 'b'); // offline
      jest.advanceTimersByTime(5000);
      const next = FakeSocket.last as FakeSocket;
      expect(closing()).toBe(true); // a new socket with nothing counted yet is not "saved"
      next.open();
      next.receive(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
      next.receive(syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc())));
      expect(closing()).toBe(true); // 'b' went in our sync step 2, not acknowledged yet
      next.receive(savedMessage(1));
      expect(closing()).toBe(false);
    } finally {
      stop();
      provider.destroy();
      provider.awareness.destroy();
      jest.useRealTimers();
    }
  });
});
