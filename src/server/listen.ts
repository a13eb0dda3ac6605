// Serving the backend on a port, and stopping it without cutting off work it already accepted.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { BackendApp } from './http-env';

export interface RunningBackend {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  port?: number;
  hostname?: string;
}

export function listenBackend(
  app: BackendApp,
  options: ListenOptions = {},
): Promise<RunningBackend> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname, overrideGlobalObjects: false },
      (info: AddressInfo) => {
        const close = () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
        const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
        resolve({ url: `http://${host}:${info.port}`, port: info.port, close });
      },
    );
    server.once('error', reject);
  });
}
