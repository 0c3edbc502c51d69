import { afterEach, beforeEach } from 'vitest';
import { TestClient } from './test-client';
import { TestServer } from './test-server';

/**
 * A fresh server and one enrolled, still offline client for each test of the enclosing
 * `describe`, closed afterwards. Read them through the returned getters inside tests.
 */
export function useServerWithClient(): { readonly server: TestServer; readonly client: TestClient } {
  let server: TestServer | undefined;
  let client: TestClient | undefined;
  beforeEach(async () => {
    server = await TestServer.start();
    client = await TestClient.open(server.url, await server.enroll('reception'));
  });
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('only inside a test');
      return server;
    },
    get client() {
      if (!client) throw new Error('only inside a test');
      return client;
    },
  };
}
