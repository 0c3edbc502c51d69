import { useEffect, useState } from 'react';
import { useServices } from '../app/services-context';

/**
 * A staff member's display name, read from this PC's accounts; `fallback` until it is read or
 * when the account has not synced yet ('' on a paper, the id beside a signature).
 */
export function useStaffName(id: string, fallback = ''): string {
  const { staff } = useServices();
  const [found, setFound] = useState({ id: '', name: '' });
  useEffect(() => {
    if (id === '') return;
    let current = true;
    void staff.get(id).then((member) => {
      if (current) setFound({ id, name: member?.displayName ?? '' });
    });
    return () => {
      current = false;
    };
  }, [staff, id]);
  // A name read for an earlier id is never shown for this one.
  return found.id === id && found.name !== '' ? found.name : fallback;
}
