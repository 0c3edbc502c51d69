import { useEffect, useState } from 'react';
import type { CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import { useServices } from '../app/services-context';

export type Room = CatalogEntryOf<'department'>;

const RETRY_MS = 2000;

/**
 * The rooms a patient can be sent to. The catalog has departments and no rooms, so each clinical
 * department is one room (its code is both the visit's department and room). On a new PC the
 * catalog arrives with the first sync: until then the list is asked for again every 2 s.
 */
export function useClinicalRooms(): Room[] | undefined {
  const { catalog } = useServices();
  const [rooms, setRooms] = useState<Room[] | undefined>();
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      void catalog.all('department').then((all) => {
        if (!current) return;
        const clinical = all.filter((department) => department.details.type === 'clinical');
        setRooms(clinical);
        if (clinical.length === 0) timer = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalog]);
  return rooms;
}
