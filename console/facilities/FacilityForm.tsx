import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_LEVELS } from '../../shared/admin/admin-api';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import { facilityFormErrors, type FacilityFormErrors, type FacilityFormValues } from './facility-form-values';

const FIELD_ORDER: (keyof FacilityFormValues)[] = ['code', 'name', 'level', 'provinceCode', 'wardCode'];

/**
 * Create (`editing` false) or edit a facility. Enter saves, Escape cancels; a field that is not
 * valid says why beside it and nothing is sent. The code and province are fixed once created.
 */
export function FacilityForm({
  initial,
  editing,
  serverError,
  busy,
  onSave,
  onCancel,
}: {
  initial: FacilityFormValues;
  editing: boolean;
  serverError: string | null;
  busy: boolean;
  onSave: (values: FacilityFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FacilityFormErrors>({});
  const wards = PROVINCES.find((province) => province.code === values.provinceCode)?.wards ?? [];
  const set = (field: keyof FacilityFormValues, value: string) =>
    setValues((current) => ({ ...current, [field]: value, ...(field === 'provinceCode' ? { wardCode: '' } : {}) }));

  const fieldError = (field: keyof FacilityFormValues) => {
    const key = errors[field];
    return key ? (
      <span className="field-error" id={`facility-${field}-error`} data-testid={`error-${field}`}>
        {t(key)}
      </span>
    ) : null;
  };
  const described = (field: keyof FacilityFormValues) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `facility-${field}-error` } : {};

  return (
    <form
      className="facility-form card"
      aria-labelledby="facility-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const found = facilityFormErrors(values);
        setErrors(found);
        const firstInvalid = FIELD_ORDER.find((field) => found[field]);
        // The first field that needs fixing takes the focus: the clerk types on from there.
        if (firstInvalid)
          document
            .getElementById(
              `facility-${firstInvalid === 'provinceCode' ? 'province' : firstInvalid === 'wardCode' ? 'ward' : firstInvalid}`,
            )
            ?.focus();
        else onSave(values);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="facility-form-title">
        {editing ? t('facilities.editTitle', { code: initial.code }) : t('facilities.createTitle')}
      </h2>
      <div className="grid">
        <label htmlFor="facility-code">{t('facilities.code')}</label>
        <div>
          <input
            id="facility-code"
            value={values.code}
            onChange={(event) => set('code', event.target.value.trim())}
            inputMode="numeric"
            maxLength={5}
            readOnly={editing}
            autoFocus={!editing}
            {...described('code')}
          />
          <span className="hint">{t('facilities.codeHint')}</span>
          {fieldError('code')}
        </div>
        <label htmlFor="facility-name">{t('facilities.name')}</label>
        <div>
          <input
            id="facility-name"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            maxLength={200}
            autoFocus={editing}
            {...described('name')}
          />
          {fieldError('name')}
        </div>
        <label htmlFor="facility-level">{t('facilities.level')}</label>
        <div>
          <select
            id="facility-level"
            value={values.level}
            onChange={(event) => set('level', event.target.value)}
            {...described('level')}
          >
            <option value="">{t('facilities.chooseLevel')}</option>
            {FACILITY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`facilities.levels.${level}`)}
              </option>
            ))}
          </select>
          {fieldError('level')}
        </div>
        <label htmlFor="facility-province">{t('facilities.province')}</label>
        <div>
          <select
            id="facility-province"
            value={values.provinceCode}
            onChange={(event) => set('provinceCode', event.target.value)}
            disabled={editing}
            {...described('provinceCode')}
          >
            <option value="">{t('facilities.chooseProvince')}</option>
            {PROVINCES.map((province) => (
              <option key={province.code} value={province.code}>
                {province.name}
              </option>
            ))}
          </select>
          {fieldError('provinceCode')}
        </div>
        <label htmlFor="facility-ward">{t('facilities.ward')}</label>
        <div>
          <select
            id="facility-ward"
            value={values.wardCode}
            onChange={(event) => set('wardCode', event.target.value)}
            {...described('wardCode')}
          >
            <option value="">{t('facilities.chooseWard')}</option>
            {wards.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {fieldError('wardCode')}
        </div>
      </div>
      {serverError && (
        <p className="form-error" role="alert" data-testid="facility-form-error">
          {serverError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="facility-save">
          {t('facilities.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('facilities.cancel')}
        </button>
      </div>
    </form>
  );
}
