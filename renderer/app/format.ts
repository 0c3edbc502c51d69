import { ETHNICITIES } from '../../shared/patient/ethnicities';
import type { PatientDocument } from '../../shared/patient/patient-document';

export function fullName(patient: Pick<PatientDocument, 'familyName' | 'middleName' | 'givenName'>): string {
  return [patient.familyName, patient.middleName, patient.givenName].filter(Boolean).join(' ');
}

export function ethnicityName(code: string): string {
  return ETHNICITIES.find(([candidate]) => candidate === code)?.[1] ?? code;
}

/** Device-clock times are data: shown in 24-hour Vietnamese style, dd/MM/yyyy HH:mm. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
