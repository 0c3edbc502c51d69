import { useEffect, useRef } from 'react';
import { useServices } from '../app/services-context';

/**
 * Records in the audit trail that the logged-in user opened this patient's chart: once per
 * opening. React may run an effect twice for one mounted page (StrictMode does so, and the built
 * renderer was seen doing it too: two entries 30 ms apart), so the page remembers which patient
 * it has recorded; a new opening is a new mount, which records again.
 */
export function useChartOpenAudit(patientId: string): void {
  const { audit, session } = useServices();
  const recordedFor = useRef<string | null>(null);
  useEffect(() => {
    const state = session.current;
    if (state.kind !== 'active' || recordedFor.current === patientId) return;
    recordedFor.current = patientId;
    audit
      .record({ action: 'chart-open', userId: state.user.id, username: state.user.username, patientId })
      .catch((error: unknown) => console.error('Sen: an audit entry could not be written', error));
  }, [audit, session, patientId]);
}
