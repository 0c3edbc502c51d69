import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_REGISTRATION_FORM, type RegistrationForm } from '../../shared/patient/registration-form';
import { PatientForm, type SubmitOutcome } from './PatientForm';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import type { SaveOptions } from './patients-repository';

const DRAFT_SAVE_DELAY_MS = 300;

export function RegistrationPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients, drafts } = useServices();
  const [form, setForm] = useState<RegistrationForm | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const latestForm = useRef<RegistrationForm | null>(null);
  // The form as last saved to the draft: `data-draft` tells a test (and a curious admin) when the
  // typing is safe on disk, without guessing at the save delay.
  const [savedForm, setSavedForm] = useState<RegistrationForm | null>(null);

  useEffect(() => {
    void drafts.load().then((draft) => {
      setForm(draft ?? EMPTY_REGISTRATION_FORM);
      setDraftRestored(draft !== null);
    });
  }, [drafts]);

  // Save the draft shortly after each change, and at once when the window goes away.
  useEffect(() => {
    latestForm.current = form;
    if (!form) return;
    const timer = setTimeout(() => void drafts.save(form).then(() => setSavedForm(form)), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, drafts]);
  useEffect(() => {
    const saveNow = (): void => {
      if (latestForm.current) void drafts.save(latestForm.current);
    };
    window.addEventListener('pagehide', saveNow);
    return () => window.removeEventListener('pagehide', saveNow);
  }, [drafts]);

  if (!form) return null;

  const register = async (submitted: RegistrationForm, options: SaveOptions): Promise<SubmitOutcome> => {
    const result = await patients.register(submitted, options);
    if (!result.ok) return result;
    await drafts.clear();
    navigate({ page: 'patient', id: result.patient.id });
    return null;
  };

  return (
    <section className="page" data-draft={savedForm === form ? 'saved' : 'unsaved'}>
      <h1>{t('register.title')}</h1>
      {draftRestored && <p className="notice">{t('register.draftRestored')}</p>}
      <PatientForm
        key={formKey}
        form={form}
        onChange={setForm}
        onSubmit={register}
        submitLabel={t('register.save')}
        navigate={navigate}
      >
        <button
          type="button"
          onClick={() => {
            setForm(EMPTY_REGISTRATION_FORM);
            setDraftRestored(false);
            setFormKey((key) => key + 1);
          }}
        >
          {t('register.clear')}
        </button>
      </PatientForm>
    </section>
  );
}
