import { useEffect, useMemo, useState } from 'react';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { StayLocation } from '../../shared/clinical/stay-location';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';
import type { ActiveStay, DepartmentEntry } from './inpatient-repository';

const RETRY_MS = 2000;

/** The departments with beds; on a new PC the catalog comes with the first sync, so asked again. */
export function useWards(): DepartmentEntry[] | undefined {
  const { inpatient } = useServices();
  const [wards, setWards] = useState<DepartmentEntry[] | undefined>();
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      void inpatient.wards().then((found) => {
        if (!current) return;
        setWards(found);
        if (found.length === 0) timer = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [inpatient]);
  return wards;
}

/** Every active stay with its bed, live (undefined while the first read runs). */
export function useActiveStays(): ActiveStay[] | undefined {
  const { inpatient } = useServices();
  const stays$ = useMemo(() => inpatient.activeStays$(), [inpatient]);
  return useObservable<ActiveStay[] | undefined>(stays$, undefined);
}

/** One stay, live; null when there is none. */
export function useStay(id: string): EncounterDocument | null | undefined {
  const { inpatient } = useServices();
  const stay$ = useMemo(() => inpatient.stay$(id), [inpatient, id]);
  return useObservable<EncounterDocument | null | undefined>(stay$, undefined);
}

/** A stay's notes, newest day first, live. */
export function useStayNotes(stayId: string): NoteDocument[] {
  const { inpatient } = useServices();
  const notes$ = useMemo(() => inpatient.notes$(stayId), [inpatient, stayId]);
  return useObservable<NoteDocument[]>(notes$, []);
}

/** Where the stay's patient lies now, live. */
export function useStayLocation(stay: EncounterDocument): StayLocation | null {
  const { inpatient } = useServices();
  const location$ = useMemo(() => inpatient.location$(stay), [inpatient, stay]);
  return useObservable<StayLocation | null>(location$, null);
}

/** The stay admitted from a visit, if this PC has one; rechecked when the visit changes. */
export function useStayFromVisit(visitId: string, visitVersion: string): EncounterDocument | null | undefined {
  const { inpatient } = useServices();
  const [stay, setStay] = useState<EncounterDocument | null | undefined>();
  useEffect(() => {
    let current = true;
    void inpatient.stayFromVisit(visitId).then((found) => {
      if (current) setStay(found);
    });
    return () => {
      current = false;
    };
  }, [inpatient, visitId, visitVersion]);
  return stay;
}
