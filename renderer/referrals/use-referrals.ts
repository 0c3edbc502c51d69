import { useEffect, useMemo, useState } from 'react';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';
import type { FacilityEntry } from './referrals-repository';

/** Referrals to this facility, those waiting first (undefined while the first read runs). */
export function useIncomingReferrals(): ReferralDocument[] | undefined {
  const { referrals } = useServices();
  const incoming$ = useMemo(() => referrals.incoming$(), [referrals]);
  return useObservable<ReferralDocument[] | undefined>(incoming$, undefined);
}

/** Referrals this facility sent, newest first. */
export function useOutgoingReferrals(): ReferralDocument[] | undefined {
  const { referrals } = useServices();
  const outgoing$ = useMemo(() => referrals.outgoing$(), [referrals]);
  return useObservable<ReferralDocument[] | undefined>(outgoing$, undefined);
}

/** A patient's referrals, sent from here or received here, live. */
export function usePatientReferrals(patientId: string): ReferralDocument[] | undefined {
  const { referrals } = useServices();
  const ofPatient$ = useMemo(() => referrals.ofPatient$(patientId), [referrals, patientId]);
  return useObservable<ReferralDocument[] | undefined>(ofPatient$, undefined);
}

const RETRY_MS = 2000;

/**
 * The province's facilities by code, for names in the lists and the form's choice; on a new PC
 * the catalog comes with the first sync, so asked again until it has.
 */
export function useFacilities(): Map<string, FacilityEntry> {
  const { referrals } = useServices();
  const [facilities, setFacilities] = useState<Map<string, FacilityEntry>>(() => new Map());
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      void referrals.destinations().then(async (others) => {
        const own = await referrals.facility(referrals.facilityCode);
        if (!current) return;
        const all = own ? [own, ...others] : others;
        setFacilities(new Map(all.map((facility) => [facility.code, facility])));
        if (others.length === 0) timer = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [referrals]);
  return facilities;
}

/** "Name (code)", or the code alone until the catalog has the facility. */
export function facilityLabel(facilities: Map<string, FacilityEntry>, code: string): string {
  const facility = facilities.get(code);
  return facility ? `${facility.name} (${code})` : code;
}
