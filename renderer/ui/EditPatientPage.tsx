import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFromPatient, type RegistrationForm } from '../../shared/patient/registration-form';
import { PatientForm, type SubmitOutcome } from './PatientForm';
import type { Route } from './route';
import { useServices } from './services-context';
import { useChartOpenAudit } from './use-chart-audit';

export function EditPatientPage({ id, navigate }: { id: string; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients } = useServices();
  const [form, setForm] = useState<RegistrationForm | null | undefined>(undefined);
  useChartOpenAudit(id);

  useEffect(() => {
    void patients.get(id).then((patient) => setForm(patient ? formFromPatient(patient) : null));
  }, [patients, id]);

  if (form === undefined) return null;
  if (form === null) return <p className="page">{t('detail.notFound')}</p>;

  const save = async (submitted: RegistrationForm): Promise<SubmitOutcome> => {
    const result = await patients.updateFromForm(id, submitted);
    if (!result.ok) return result;
    navigate({ page: 'patient', id });
    return null;
  };

  return (
    <section className="page">
      <h1>{t('edit.title')}</h1>
      <PatientForm form={form} onChange={setForm} onSubmit={save} submitLabel={t('edit.save')} navigate={navigate}>
        <button type="button" onClick={() => navigate({ page: 'patient', id })}>
          {t('edit.cancel')}
        </button>
      </PatientForm>
    </section>
  );
}
