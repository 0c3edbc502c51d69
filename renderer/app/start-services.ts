import type { DeviceCredential } from '../../shared/client-config';
import type { SenDatabase } from '../db/collections';
import { createSenDatabase } from '../db/create-database';
import type { Platform } from '../device/platform';
import { Outbox } from '../db/outbox';
import { PatientsRepository } from '../db/patients-repository';
import { RegistrationDrafts } from '../db/registration-draft';
import { SyncClient } from '../sync/sync-client';

/** Everything the UI works with once the device is enrolled. */
export interface SenServices {
  device: DeviceCredential;
  patients: PatientsRepository;
  drafts: RegistrationDrafts;
  sync: SyncClient;
  close(): Promise<void>;
}

export async function startServices(
  platform: Platform,
  device: DeviceCredential,
  allowInsecureHosts: readonly string[] = [],
): Promise<SenServices> {
  const database: SenDatabase = await createSenDatabase({
    name: `sen-${device.facility.code}`,
    databaseKey: await platform.loadDatabaseKey(),
  });
  const outbox = await Outbox.open(database);
  const sync = new SyncClient({
    database,
    outbox,
    serverUrl: device.serverUrl,
    credential: device.token,
    allowInsecureHosts,
  });
  await sync.start();
  return {
    device,
    patients: new PatientsRepository(database, outbox, {
      deviceId: device.deviceId,
      facilityCode: device.facility.code,
    }),
    drafts: new RegistrationDrafts(database),
    sync,
    close: async () => {
      await sync.stop();
      await database.close();
    },
  };
}
