import { useEffect, useState } from 'react';
import { useServices } from '../app/services-context';

/** A staff member's display name for a paper; '' for no one, or until the account has synced. */
export function useStaffName(id: string): string {
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
  return found.id === id ? found.name : '';
}
