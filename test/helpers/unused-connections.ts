import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Lets a closing server cut the connections no request ever arrived on. Node's `close()` ends
 * idle keep-alive connections but waits for one that was opened and never used, and Node's own
 * fetch opens such a connection when it replaces one a client aborted (a client stopping sync
 * aborts its event stream), then holds it for its 4 s keep-alive before letting go. Without
 * this, every test whose client had synced waited those 4 s for the server to stop.
 */
export function trackUnusedConnections(server: Server): { cut: () => void } {
  const unused = new Set<Socket>();
  let cutting = false;
  server.on('connection', (socket: Socket) => {
    if (cutting) {
      socket.destroy();
      return;
    }
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  return {
    cut: () => {
      cutting = true;
      for (const socket of unused) socket.destroy();
      unused.clear();
    },
  };
}
