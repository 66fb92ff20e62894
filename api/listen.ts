// Starts the HTTP server for a built app and closes it gracefully.
import type { Server } from 'node:http';
import type express from 'express';

export function listen(app: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    // Keep-alive sockets would otherwise hold a shutdown open for minutes.
    server.keepAliveTimeout = 5_000;
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
