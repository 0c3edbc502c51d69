import { useEffect, useState } from 'react';
import { auditTime, type Observable } from 'rxjs';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PatientsRepository } from '../patients/patients-repository';

/** The latest value of an observable, re-rendering on each emission. */
export function useObservable<T>(observable: Observable<T>, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [observable]);
  return value;
}

const SEARCH_REFRESH_MS = 300;

/** Search results that follow the text typed and every change to the patients collection. */
export function usePatientSearch(repository: PatientsRepository, text: string): PatientDocument[] | undefined {
  const [results, setResults] = useState<PatientDocument[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const run = (): void => {
      void repository.search(text).then((found) => {
        if (current) setResults(found);
      });
    };
    // RxDB emits once per changed document; a first sync writes thousands in a few seconds.
    // Searching again at most every 300 ms keeps the list current without a search per document.
    const subscription = repository.changes$.pipe(auditTime(SEARCH_REFRESH_MS)).subscribe(run);
    run();
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [repository, text]);
  return results;
}

/** One patient, kept current as sync brings changes. */
export function usePatient(repository: PatientsRepository, id: string): PatientDocument | null | undefined {
  const [patient, setPatient] = useState<PatientDocument | null | undefined>(undefined);
  useEffect(() => {
    const subscription = repository.observe(id).subscribe(setPatient);
    return () => subscription.unsubscribe();
  }, [repository, id]);
  return patient;
}
