// The reference: @y/websocket-server as its README runs it (ws WebSocketServer + setupWSConnection),
// in memory, no auth, no limits. One change: a no-op persistence layer, so a document is freed when its
// last client leaves (without any persistence the reference keeps every document in memory forever,
// which would make "back to baseline after everyone leaves" meaningless).
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');
const utils = require('@y/websocket-server/utils');
const { serveIpc } = require('./ipc.cjs');

if (process.env.BENCH_REF_FREE_DOCS !== 'false') {
  utils.setPersistence({ provider: null, bindState: () => undefined, writeState: async () => undefined });
}

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => utils.setupWSConnection(ws, request));
});

serveIpc({ extra: () => ({ rooms: utils.docs.size, sockets: wss.clients.size }) });
server.listen(0, '127.0.0.1', () => process.send?.({ ready: true, port: server.address().port }));
