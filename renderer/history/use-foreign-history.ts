import { useCallback, useEffect, useState } from 'react';
import type { ForeignHistory, ForeignHistoryRepository } from './foreign-history-repository';

/** What this PC keeps of the patient's records elsewhere, read again after each lookup. */
export function useForeignHistory(
  repository: ForeignHistoryRepository,
  patientId: string,
): { history: ForeignHistory | undefined; reload: () => void } {
  const [history, setHistory] = useState<ForeignHistory | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void repository.history(patientId).then((read) => {
      if (current) setHistory(read);
    });
    return () => {
      current = false;
    };
  }, [repository, patientId, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { history, reload };
}
