import { afterEach, describe, expect, it } from 'vitest';
import { enrollDevice, newEnrollmentRequestId } from '../../renderer/device/enroll-device';
import { SyncRequestError } from '../../renderer/sync/sync-http';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import { TestClient } from '../helpers/test-client';
import { waitFor } from '../helpers/wait-for';

// Refused before any request is made: nothing is sent anywhere.
const PLAIN_HTTP_SERVER = 'http://so-yte.invalid:8780';

describe('a provincial server reached over plain HTTP', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
  });

  it('gets no enrollment code', async () => {
    const refusal = await enrollDevice({
      serverUrl: PLAIN_HTTP_SERVER,
      code: 'ABCD-EFGH-JKMN',
      deviceName: 'pc',
      requestId: newEnrollmentRequestId(),
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SyncRequestError);
    expect((refusal as SyncRequestError).code).toBe('insecure-server');
  });

  it('gets no patient data: sync does not start and says why', async () => {
    client = await TestClient.open(PLAIN_HTTP_SERVER, {
      deviceId: '019a0000-0000-7000-8000-0000000000bb',
      token: 'unused',
      facility: { code: '10010', name: 'demo', provinceCode: '15' },
      deviceTag: '00',
    });
    await client.goOnline();
    let status: SyncStatus | undefined;
    const subscription = client.sync.status$.subscribe((next) => (status = next));
    await waitFor(() => status?.problem === 'insecure-server', 'the status names the insecure server');
    expect(status?.online).toBe(false);
    subscription.unsubscribe();
  });
});
