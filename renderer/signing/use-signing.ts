import { useEffect, useMemo, useRef, useState } from 'react';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { SignatureCheck } from '../../shared/clinical/signed-document';
import { resolveVersions, type VersionChains } from '../../shared/clinical/version-chain';
import { useServices } from '../app/services-context';
import { useObservable } from '../db/hooks';
import type { SignableCollection, SignableDocument } from '../../shared/clinical/signing-problem';

/**
 * How each signed document stands against its signer's key on this PC (undefined while
 * checking). Checked again when the documents change.
 */
export function useSignatureChecks(
  collection: SignableCollection,
  documents: readonly SignableDocument[],
): ReadonlyMap<string, SignatureCheck> {
  const { signing } = useServices();
  const [checks, setChecks] = useState<ReadonlyMap<string, SignatureCheck>>(new Map());
  // Checked again only when what a check reads changes, not on every new array of the same.
  const key = documents.map((document) => `${document.id}:${document.updatedAt}`).join(',');
  const latest = useRef(documents);
  // Runs before the check below (effects run in order): the check reads this render's documents.
  useEffect(() => {
    latest.current = documents;
  });
  useEffect(() => {
    let current = true;
    void Promise.all(
      latest.current.map(async (document) => [document.id, await signing.check(collection, document)] as const),
    ).then((entries) => {
      if (current) setChecks(new Map(entries));
    });
    return () => {
      current = false;
    };
  }, [signing, collection, key]);
  return checks;
}

/** The versions of a patient's visits (originals and amendments), live. */
export function useEncounterVersions(patientId: string): VersionChains<EncounterDocument> | undefined {
  const { encounters } = useServices();
  const visits$ = useMemo(() => encounters.ofPatient$(patientId), [encounters, patientId]);
  const visits = useObservable<EncounterDocument[] | undefined>(visits$, undefined);
  return useMemo(() => (visits ? resolveVersions(visits) : undefined), [visits]);
}
