import type { PatientDocument } from '../../shared/patient/patient-document';
import { syncPath, type PullResponse, type SyncCheckpoint } from '../../shared/sync/protocol';
import { enroll } from '../helpers/enroll';

/**
 * Every patient the server holds for the demo facility, pulled as a brand-new device would, page
 * by page: the black-box check that nothing acknowledged was lost and nothing stored twice.
 */
export async function pullEverything(serverUrl: string): Promise<string[]> {
  const { token } = await enroll(serverUrl, 'auditor');
  const ids: string[] = [];
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const url = new URL(syncPath('patients', 'pull'), serverUrl);
    url.searchParams.set('limit', '500');
    if (checkpoint) url.searchParams.set('checkpoint', JSON.stringify(checkpoint));
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse<PatientDocument>;
    ids.push(...page.documents.map((document) => document.id));
    checkpoint = page.checkpoint;
    if (page.documents.length === 0) return ids;
  }
}
