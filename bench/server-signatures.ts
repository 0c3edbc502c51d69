import { createPublicKey, verify } from 'node:crypto';
import { DEMO_STAFF } from '../server/demo/demo-staff';
import { ServerKey } from '../server/signing/server-key';
import { SignatureChecker, type SignedVersion } from '../server/signing/signature-checker';
import { loadFacilityStaff } from '../server/sync/authorize-authors';
import { parsePushRows } from '../server/sync/parse-push-rows';
import { pushDocuments } from '../server/sync/push-documents';
import { SYNCED_COLLECTIONS, type SyncedCollection } from '../shared/sync/collections';
import { signedContent } from '../shared/signing/signed-content';
import { fromBase64 } from '../shared/encoding/base64';
import { benchPatients } from './fixtures';
import { startSenServer } from './sen-server';
import { signedByRegistrar } from './signed-documents';

export interface ServerSignatureFigures {
  rows: number;
  /** A push of new signed rows, applied with every signature checked (median of the rounds) */
  pushSignedMs: number;
  /** The same work with the signature check left out */
  pushUncheckedMs: number;
  /** The rows' signatures checked alone: Sen's WebCrypto check, and node:crypto's for comparison */
  verifyWebCryptoMs: number;
  verifyNodeMs: number;
}

/** The same checker with the check left out: what the push costs without signatures. */
class UncheckedSignatures extends SignatureChecker {
  override refusal(): Promise<null> {
    return Promise.resolve(null);
  }
}

const ROWS = 500;
const ROUNDS = 6;

/**
 * What signatures cost the server: a 500-row push applied in the same transaction as a device's
 * (pushDocuments, without HTTP) with and without the check, alternating, each round on new
 * documents; and the 500 checks alone, in WebCrypto (what Sen runs) and node:crypto.
 */
export async function measureServerSignatures(): Promise<ServerSignatureFigures> {
  const server = await startSenServer();
  try {
    const device = await server.enroll('signature-bench');
    const authenticated = { deviceId: device.deviceId, facilityCode: '10010', provinceCode: '15' };
    const serverKey = await ServerKey.load(server.database);
    const checked = new SignatureChecker(serverKey);
    const unchecked = new UncheckedSignatures(serverKey);
    const collection = SYNCED_COLLECTIONS.patients as unknown as SyncedCollection<Record<string, unknown>>;
    const all = await signedByRegistrar(benchPatients(ROWS * ROUNDS * 2, '10010', 99));
    const batch = (n: number) =>
      all.slice(n * ROWS, (n + 1) * ROWS).map((document) => ({ newDocumentState: document }));

    const signedTimes: number[] = [];
    const uncheckedTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [checker, times, n] of [
        [checked, signedTimes, 2 * round],
        [unchecked, uncheckedTimes, 2 * round + 1],
      ] as const) {
        const rows = parsePushRows(batch(n), collection, authenticated);
        const started = performance.now();
        await pushDocuments(server.database, 'patients', collection, authenticated, rows, checker);
        times.push(performance.now() - started);
      }
    }

    const staff = await loadFacilityStaff(server.database, '10010');
    const versions: SignedVersion[] = all.slice(0, ROWS).map(({ syncMeta, ...state }) => ({
      collection: 'patients',
      state,
      signature: syncMeta.signature,
      author: state.updatedBy,
    }));
    const publicKey = createPublicKey({
      key: Buffer.from(fromBase64(DEMO_STAFF.registrar.keys[0].publicKey)),
      format: 'der',
      type: 'spki',
    });
    const webCryptoTimes: number[] = [];
    const nodeTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      const refusals = await Promise.all(versions.map((version) => checked.refusal(version, staff)));
      webCryptoTimes.push(performance.now() - started);
      if (refusals.some((refusal) => refusal !== null)) throw new Error('a bench signature did not verify');

      started = performance.now();
      for (const version of versions) {
        const ok = verify(
          'sha256',
          signedContent(version.collection, version.state),
          { key: publicKey, dsaEncoding: 'ieee-p1363' },
          Buffer.from(fromBase64(version.signature?.value ?? '')),
        );
        if (!ok) throw new Error('node:crypto refused a bench signature');
      }
      nodeTimes.push(performance.now() - started);
    }
    const verifyWebCryptoMs = median(webCryptoTimes);
    const verifyNodeMs = median(nodeTimes);
    return {
      rows: ROWS,
      pushSignedMs: median(signedTimes),
      pushUncheckedMs: median(uncheckedTimes),
      verifyWebCryptoMs,
      verifyNodeMs,
    };
  } finally {
    await server.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
