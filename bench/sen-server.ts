import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { DEMO_ENROLLMENT_CODE, seedDemoFacility } from '../server/demo/demo-facility';
import { DEMO_FACILITY_CODE } from '../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../server/demo/demo-staff';
import { ensureEnrollmentCode, ensureFacility } from '../server/facilities/facilities';
import { ServerKey } from '../server/signing/server-key';
import { saveStaff } from '../server/staff/staff-store';
import { PROVINCE_AUTHOR } from '../shared/staff/staff-document';
import type { PatientDocument } from '../shared/patient/patient-document';
import type { EnrollResponse } from '../shared/sync/enrollment';
import type { WireDocument } from '../shared/sync/protocol';
import { enroll as enrollDevice } from '../test/helpers/enroll';
import { syncPath } from '../shared/sync/protocol';

export interface BenchServer {
  url: string;
  database: Database;
  enroll: (name: string, code?: string) => Promise<EnrollResponse>;
  /** Pushes signed documents as one device would, in batches of 500. */
  load: (documents: WireDocument<PatientDocument>[], code?: string) => Promise<void>;
  close: () => Promise<void>;
}

/** Sen's provincial server in this process on 127.0.0.1, with the demo facility. */
export async function startSenServer(options: { databaseUrl?: string | undefined } = {}): Promise<BenchServer> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl });
  const app: FastifyInstance = await buildApp({ database });
  await seedDemoFacility(database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const url = `http://127.0.0.1:${address.port}`;

  const enroll = (name: string, code = DEMO_ENROLLMENT_CODE): Promise<EnrollResponse> => enrollDevice(url, name, code);
  const load = async (documents: WireDocument<PatientDocument>[], code = DEMO_ENROLLMENT_CODE): Promise<void> => {
    const { token } = await enroll('loader', code);
    for (let offset = 0; offset < documents.length; offset += 500) {
      const rows = documents.slice(offset, offset + 500).map((document) => ({ newDocumentState: document }));
      const response = await fetch(`${url}${syncPath('patients', 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      });
      if (!response.ok) throw new Error(`load: ${response.status} ${await response.text()}`);
    }
  };
  return {
    url,
    database,
    enroll,
    load,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The registrar every bench facility has, who authors its generated patients. */
export function benchRegistrarId(facilityCode: string): string {
  return facilityCode === DEMO_FACILITY_CODE
    ? DEMO_STAFF.registrar.id
    : `0199d000-0000-4000-8000-0000000${facilityCode}`;
}

/** Another facility of the demo province, with its own enrollment code and registrar. */
export async function addFacility(server: BenchServer, code: string): Promise<string> {
  await ensureFacility(server.database, { code, provinceCode: '15', name: `Bench facility ${code}` });
  const enrollmentCode = `BENCH-${code}`;
  await ensureEnrollmentCode(server.database, enrollmentCode, code, null);
  const now = new Date().toISOString();
  const serverKey = await ServerKey.load(server.database);
  await server.database.transaction((tx) =>
    saveStaff(
      tx,
      {
        ...DEMO_STAFF.registrar,
        roles: ['registrar'],
        keys: [...DEMO_STAFF.registrar.keys],
        id: benchRegistrarId(code),
        facilityCode: code,
        active: true,
        passwordChangedAt: now,
        updatedAt: now,
        updatedBy: PROVINCE_AUTHOR,
      },
      null,
      serverKey,
    ),
  );
  return enrollmentCode;
}
