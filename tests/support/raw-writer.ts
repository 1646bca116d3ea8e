import { COLLAB_MESSAGE_SAVED } from '@roundtable/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { collabSocketUrl } from './collab-client';

/**
 * A raw y-websocket client that sends the Yjs updates of its own doc and records what the server says: the
 * "saved" acknowledgements, the close code, or the HTTP status of a refused upgrade.
 */
export class RawWriter {
  readonly doc = new Y.Doc();
  readonly socket: WebSocket;
  saved = 0;
  closeCode: number | null = null;
  upgradeStatus: number | null = null;
  /** Resolves on the server's first message (sync step 1: the room is open) or a refused upgrade. */
  readonly opened: Promise<void>;

  constructor(
    baseUrl: string,
    documentId: string,
    cookie: string,
    private readonly field = 'raw-writer',
  ) {
    this.socket = new WebSocket(collabSocketUrl(baseUrl, documentId), { headers: { cookie } });
    this.socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === COLLAB_MESSAGE_SAVED) this.saved = decoding.readVarUint(decoder);
    });
    this.socket.on('close', (code) => (this.closeCode = code));
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve) => {
      this.socket.once('message', () => resolve());
      this.socket.once('unexpected-response', (_request, response) => {
        this.upgradeStatus = response.statusCode ?? null;
        resolve();
      });
    });
    this.doc.on('update', (update: Uint8Array) => {
      if (this.socket.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.socket.send(encoding.toUint8Array(encoder));
    });
  }

  type(text: string): void {
    const field = this.doc.getText(this.field);
    field.insert(field.length, text);
  }

  close(): void {
    this.socket.terminate();
    this.doc.destroy();
  }
}
