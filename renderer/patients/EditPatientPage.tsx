import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { formFromPatient, type RegistrationForm } from '../../shared/patient/registration-form';
import { PatientForm, type SubmitOutcome } from './PatientForm';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import type { SaveOptions } from './patients-repository';
import { useChartOpenAudit } from '../audit/use-chart-audit';

export function EditPatientPage({ id, navigate }: { id: string; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients, sync } = useServices();
  // A version the server refused is fixed from what was refused, not from what sync brought since.
  const [held] = useState(() => heldPatient(sync.heldCopy('patients', id)));
  const [form, setForm] = useState<RegistrationForm | null | undefined>(() =>
    held ? formFromPatient(held) : undefined,
  );
  useChartOpenAudit(id);

  useEffect(() => {
    if (!held) void patients.get(id).then((patient) => setForm(patient ? formFromPatient(patient) : null));
  }, [patients, id, held]);

  if (form === undefined) return null;
  if (form === null) return <p className="page">{t('detail.notFound')}</p>;

  const save = async (submitted: RegistrationForm, options: SaveOptions): Promise<SubmitOutcome> => {
    const result = await patients.updateFromForm(id, submitted, options);
    if (!result.ok) return result;
    navigate({ page: 'patient', id });
    return null;
  };

  return (
    <section className="page">
      <h1>{t('edit.title')}</h1>
      {held && (
        <p className="notice" data-testid="editing-held">
          {t('edit.fromHeld')}
        </p>
      )}
      <PatientForm form={form} onChange={setForm} onSubmit={save} submitLabel={t('edit.save')} navigate={navigate}>
        <button type="button" onClick={() => navigate({ page: 'patient', id })}>
          {t('edit.cancel')}
        </button>
      </PatientForm>
    </section>
  );
}

/** The held copy as a living patient, if there is one (a refused deletion is replayed, not edited). */
function heldPatient(copy: Record<string, unknown> | undefined): PatientDocument | undefined {
  if (!copy || copy._deleted === true) return undefined;
  const { _deleted: _alive, ...body } = copy;
  const parsed = patientDocumentSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
