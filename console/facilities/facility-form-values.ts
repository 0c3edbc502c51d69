import {
  FACILITY_CODE_PATTERN,
  FACILITY_LEVELS,
  type FacilityLevel,
  type FacilityRecord,
  type NewFacility,
} from '../../shared/admin/admin-api';

export interface FacilityFormValues {
  code: string;
  name: string;
  level: string;
  provinceCode: string;
  wardCode: string;
}

export type FacilityFormErrors = Partial<Record<keyof FacilityFormValues, string>>;

export const EMPTY_FACILITY: FacilityFormValues = { code: '', name: '', level: '', provinceCode: '', wardCode: '' };

export function valuesOf(facility: FacilityRecord): FacilityFormValues {
  return {
    code: facility.code,
    name: facility.name,
    level: facility.level ?? '',
    provinceCode: facility.provinceCode,
    wardCode: facility.wardCode ?? '',
  };
}

/** The message key of each field that is not valid yet; empty when the facility may be sent. */
export function facilityFormErrors(values: FacilityFormValues): FacilityFormErrors {
  const errors: FacilityFormErrors = {};
  if (!FACILITY_CODE_PATTERN.test(values.code)) errors.code = 'errors.codeFormat';
  if (values.name.trim().length < 3) errors.name = 'errors.nameRequired';
  if (!(FACILITY_LEVELS as readonly string[]).includes(values.level)) errors.level = 'errors.levelRequired';
  if (!values.provinceCode) errors.provinceCode = 'errors.provinceRequired';
  if (!values.wardCode) errors.wardCode = 'errors.wardRequired';
  return errors;
}

export function newFacilityOf(values: FacilityFormValues): NewFacility {
  return {
    code: values.code,
    name: values.name.trim(),
    level: values.level as FacilityLevel,
    provinceCode: values.provinceCode,
    wardCode: values.wardCode,
  };
}
