import { useEffect, useMemo, useState } from 'react';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';

/** The visit's prescriptions, kept current (undefined while loading). */
export function useEncounterPrescriptions(encounterId: string): OrderDocument[] | undefined {
  const { prescriptions } = useServices();
  const observable = useMemo(() => prescriptions.ofEncounter$(encounterId), [prescriptions, encounterId]);
  return useObservable<OrderDocument[] | undefined>(observable, undefined);
}

/** The pharmacy's worklist, oldest first, kept current. */
export function useToDispense(): OrderDocument[] | undefined {
  const { prescriptions } = useServices();
  const observable = useMemo(() => prescriptions.toDispense$(), [prescriptions]);
  return useObservable<OrderDocument[] | undefined>(observable, undefined);
}

/** One prescription, kept current: null when there is none. */
export function usePrescription(orderId: string): OrderDocument | null | undefined {
  const { prescriptions } = useServices();
  const observable = useMemo(() => prescriptions.observe(orderId), [prescriptions, orderId]);
  return useObservable<OrderDocument | null | undefined>(observable, undefined);
}

/** A staff member by id (the prescribing doctor on a printout), null when unknown. */
export function useStaffMember(id: string): StaffDocument | null {
  const { staff } = useServices();
  const [member, setMember] = useState<StaffDocument | null>(null);
  useEffect(() => {
    let current = true;
    void staff.get(id).then((found) => {
      if (current) setMember(found);
    });
    return () => {
      current = false;
    };
  }, [staff, id]);
  return member;
}
