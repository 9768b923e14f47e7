import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acsConnection, type AcsConnection } from '../../../server/acs-clients.js';
import { DEVELOPMENT_ACCESS_KEY, Emulator, type EmulatorOptions } from '../../../server/emulator/emulator.js';

/** An in-memory emulator on a free loopback port, for tests that drive it with the real SDKs. */
export async function startEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<{ emulator: Emulator; connection: AcsConnection; endpoint: string; close(): Promise<void> }> {
  const emulator = new Emulator({ accessKey: DEVELOPMENT_ACCESS_KEY, ...options });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    void emulator.handle(request, response, url).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (!emulator.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://localhost:${(server.address() as AddressInfo).port}/`;
  emulator.start();
  return {
    emulator,
    endpoint,
    connection: acsConnection(emulator.connectionString(endpoint)),
    close: async () => {
      emulator.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
