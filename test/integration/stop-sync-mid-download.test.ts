import { describe, expect, it } from 'vitest';
import { requestJson } from '../../renderer/sync/sync-http';
import { syncPath } from '../../shared/sync/protocol';
import { patientDocument } from '../helpers/patient-documents';
import { registrarRow } from '../helpers/signing';
import { validRegistrationForm } from '../helpers/patient-forms';
import { useServerWithClient } from '../helpers/server-with-client';
import { waitFor } from '../helpers/wait-for';

/**
 * Sync stops while pulled documents are still being written and decrypted: the window closing,
 * the server's history reset (sync starts over), a revoked PC being erased. The database must
 * stay writable and close; a change listener left behind used to hang every later write.
 */
describe('sync stopped in the middle of a download', () => {
  const setup = useServerWithClient();

  it('leaves the local database writable, able to sync again, and able to close', async () => {
    const uploader = await setup.server.enroll('uploader');
    for (let batch = 0; batch < 4; batch++) {
      const rows = await Promise.all(Array.from({ length: 500 }, () => registrarRow(patientDocument('10010'))));
      await requestJson(new URL(syncPath('patients', 'push'), setup.server.url), {
        method: 'POST',
        credential: uploader.token,
        body: rows,
      });
    }
    const { client } = setup;
    for (let round = 0; round < 3; round++) {
      await client.goOnline();
      const before = await client.database.patients.count().exec();
      // Each round's registration is local: the 2,000 pulled ones may all be here by now.
      await waitFor(
        async () => (await client.database.patients.count().exec()) > before || before === 2000 + round,
        'pulled patients are landing',
      );
      await client.goOffline();
      // The same form each round: the clerk has said these are different people.
      const registered = await client.patients.register(validRegistrationForm({ cccd: '' }), {
        confirmedDistinct: true,
      });
      expect(registered.ok).toBe(true);
    }
    await client.goOnline();
    await waitFor(async () => (await client.database.patients.count().exec()) === 2003, 'every patient is here');
    await waitFor(async () => (await client.outbox.count()) === 0, 'the three registrations are sent');
  });
});
