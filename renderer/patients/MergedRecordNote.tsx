import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditTime } from 'rxjs';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { fullName } from '../app/format';
import type { PatientsRepository } from './patients-repository';

const NO_ALIASES: readonly PatientDocument[] = [];
const REFRESH_MS = 300;

/**
 * The records of this PC merged into `patient` at the province, again whenever a patient is
 * written (the aliases' marks may arrive after the primary's).
 */
export function useMergedAliases(repository: PatientsRepository, patient: PatientDocument | null | undefined) {
  const [aliases, setAliases] = useState<readonly PatientDocument[]>(NO_ALIASES);
  useEffect(() => {
    let current = true;
    const run = (): void => {
      void (patient ? repository.aliasesOf(patient) : Promise.resolve(NO_ALIASES)).then((found) => {
        if (current) setAliases(found.length === 0 ? NO_ALIASES : found);
      });
    };
    const subscription = repository.changes$.pipe(auditTime(REFRESH_MS)).subscribe(run);
    run();
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [repository, patient]);
  return aliases;
}

/**
 * What a merge at the province means here: a record reached by an alias's id says which record
 * it was merged into, and the primary lists the records merged into it (their visits are on its
 * chart).
 */
export function MergedRecordNote({
  via,
  patient,
  aliases,
}: {
  via: PatientDocument | null;
  patient: PatientDocument;
  aliases: readonly PatientDocument[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {via && (
        <p className="merged-note" role="status" data-testid="merged-into-note">
          {t('patient.mergedInto', {
            alias: displayPatientCode(via.patientCode),
            primary: displayPatientCode(patient.patientCode),
            name: fullName(patient),
          })}
        </p>
      )}
      {aliases.length > 0 && (
        <p className="merged-note" data-testid="merged-aliases">
          {t('patient.mergedAliases')}:{' '}
          {aliases.map((alias) => `${displayPatientCode(alias.patientCode)} (${fullName(alias)})`).join(', ')}
        </p>
      )}
    </>
  );
}
