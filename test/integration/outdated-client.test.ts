import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import { vi as vietnamese } from '../../renderer/i18n/vi';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('a client speaking an outdated sync protocol', () => {
  let server: TestServer;
  let client: TestClient;
  let outdated: SyncClient;

  beforeEach(async () => {
    server = await TestServer.start();
    const enrollment = await server.enroll('old-pc');
    client = await TestClient.open(server.url, enrollment);
    outdated = new SyncClient({
      database: client.database,
      outbox: client.outbox,
      serverUrl: server.url,
      credential: enrollment.token,
      protocolVersion: 0,
    });
  });
  afterEach(async () => {
    await outdated.stop();
    await client.close();
    await server.close();
  });

  it('is told 426 and asks, in Vietnamese, for the app to be updated', async () => {
    let status: SyncStatus | undefined;
    const subscription = outdated.status$.subscribe((next) => (status = next));
    await outdated.start();
    await waitFor(() => status?.problem === 'protocol-outdated', 'the status names the outdated protocol');
    subscription.unsubscribe();
    expect(vietnamese.sync.problems['protocol-outdated']).toBe(
      'Phiên bản ứng dụng đã cũ. Hãy cập nhật ứng dụng để tiếp tục đồng bộ.',
    );
  });
});
