import { useEffect, useMemo, useState } from 'react';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { Allergy, ObservationDocument } from '../../shared/clinical/observation-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';

/** A room's queue of a day, live (undefined while the first read runs). */
export function useRoomQueue(roomCode: string, queueDate: string): EncounterDocument[] | undefined {
  const { encounters } = useServices();
  const queue$ = useMemo(() => encounters.roomQueue$(roomCode, queueDate), [encounters, roomCode, queueDate]);
  return useObservable<EncounterDocument[] | undefined>(queue$, undefined);
}

/** One visit, live; null when there is no such visit. */
export function useEncounter(id: string): EncounterDocument | null | undefined {
  const { encounters } = useServices();
  const encounter$ = useMemo(() => encounters.byId$(id), [encounters, id]);
  return useObservable<EncounterDocument | null | undefined>(encounter$, undefined);
}

export function useLatestVitals(encounter: Pick<EncounterDocument, 'id' | 'patientId'>): ObservationDocument | null {
  const { encounters } = useServices();
  const { id, patientId } = encounter;
  const vitals$ = useMemo(() => encounters.latestVitals$({ id, patientId }), [encounters, id, patientId]);
  return useObservable<ObservationDocument | null>(vitals$, null);
}

export function useActiveAllergies(patientId: string): Allergy[] {
  const { encounters } = useServices();
  const allergies$ = useMemo(() => encounters.activeAllergies$(patientId), [encounters, patientId]);
  return useObservable<Allergy[]>(allergies$, []);
}

/** The patients of a queue by id, read again when the set of ids changes or sync brings patients. */
export function usePatientsById(ids: readonly string[]): ReadonlyMap<string, PatientDocument> {
  const { patients } = useServices();
  const [found, setFound] = useState<ReadonlyMap<string, PatientDocument>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let current = true;
    const load = (): void => {
      const wanted = key === '' ? [] : key.split(',');
      void Promise.all(wanted.map((id) => patients.get(id))).then((list) => {
        if (!current) return;
        setFound(new Map(list.flatMap((patient) => (patient ? [[patient.id, patient] as const] : []))));
      });
    };
    load();
    // A queued patient may reach this PC just after their visit does.
    const subscription = patients.changes$.subscribe(load);
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [patients, key]);
  return found;
}
