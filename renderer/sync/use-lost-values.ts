import { useMemo } from 'react';
import { can, type Permission } from '../../shared/staff/roles';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';
import type { LostValue } from './lost-values-repository';

const NONE: LostValue[] = [];

/** The open lost values the logged-in user may read: of one document, or all of them. */
export function useLostValues(of?: { collection: string; documentId: string }): LostValue[] {
  const { lostValues, session } = useServices();
  // Who is logged in decides what may be read: a login or a lock asks again.
  const sessionState = useObservable(session.state$, session.current);
  const collection = of?.collection;
  const documentId = of?.documentId;
  const values$ = useMemo(() => {
    const may = (permission: Permission): boolean =>
      sessionState.kind === 'active' && can(sessionState.user.roles, permission);
    return collection !== undefined && documentId !== undefined
      ? lostValues.forDocument$(collection, documentId, may)
      : lostValues.open$(may);
  }, [lostValues, sessionState, collection, documentId]);
  return useObservable(values$, NONE);
}
