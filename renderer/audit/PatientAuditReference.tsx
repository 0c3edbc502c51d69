import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';

/**
 * For those who read the audit trail: the record's internal id beside its patient code, the
 * key the province's access list (`GET /admin/v1/patients/:id/access`) is asked by. The code
 * works there too; the id is what the list's rows and the admin's exports name.
 */
export function PatientAuditReference({ patient }: { patient: Pick<PatientDocument, 'id' | 'patientCode'> }) {
  const { t } = useTranslation();
  return (
    <p className="audit-reference" data-testid="audit-reference">
      {t('auditReference.label', { code: patient.patientCode })}{' '}
      <code data-testid="audit-patient-id">{patient.id}</code>
    </p>
  );
}
