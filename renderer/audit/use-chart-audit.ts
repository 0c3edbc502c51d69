import { useEffect } from 'react';
import { useServices } from '../app/services-context';

/** Records in the audit trail that the logged-in user opened this patient's chart. */
export function useChartOpenAudit(patientId: string): void {
  const { audit, session } = useServices();
  useEffect(() => {
    const state = session.current;
    if (state.kind !== 'active') return;
    audit
      .record({ action: 'chart-open', userId: state.user.id, username: state.user.username, patientId })
      .catch((error: unknown) => console.error('Sen: an audit entry could not be written', error));
  }, [audit, session, patientId]);
}
