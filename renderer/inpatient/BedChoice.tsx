import { useTranslation } from 'react-i18next';
import { departmentBoard, freeBeds } from './bed-board';
import type { ActiveStay, DepartmentEntry } from './inpatient-repository';

/**
 * A ward and one of its free beds, as this PC sees them now (a bed given at the same moment on
 * another PC shows as a clash on the board afterwards: docs/decisions/0005).
 */
export function BedChoice({
  idPrefix,
  wards,
  stays,
  today,
  departmentCode,
  bed,
  onChange,
}: {
  idPrefix: string;
  wards: DepartmentEntry[];
  stays: ActiveStay[];
  today: string;
  departmentCode: string;
  bed: string;
  onChange: (departmentCode: string, bed: string) => void;
}) {
  const { t } = useTranslation();
  const ward = wards.find((candidate) => candidate.code === departmentCode);
  const free = ward ? freeBeds(departmentBoard(ward.code, ward.details.beds ?? 0, stays, today)) : [];
  const firstFree = (code: string): string => {
    const chosen = wards.find((candidate) => candidate.code === code);
    return chosen ? (freeBeds(departmentBoard(code, chosen.details.beds ?? 0, stays, today))[0] ?? '') : '';
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-ward`}>{t('inpatient.ward')}</label>
        <select
          id={`${idPrefix}-ward`}
          value={departmentCode}
          onChange={(event) => onChange(event.target.value, firstFree(event.target.value))}
        >
          <option value="">{t('inpatient.chooseWard')}</option>
          {wards.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-bed`}>{t('inpatient.bed')}</label>
        <select id={`${idPrefix}-bed`} value={bed} onChange={(event) => onChange(departmentCode, event.target.value)}>
          <option value="">{t('inpatient.chooseBed')}</option>
          {free.map((code) => (
            <option key={code} value={code}>
              {t('inpatient.bedName', { bed: code })}
            </option>
          ))}
        </select>
        {ward && free.length === 0 && <p className="notice">{t('inpatient.noFreeBed')}</p>}
      </div>
    </>
  );
}
