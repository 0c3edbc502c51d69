/** Where the person completes a missing claim field: the patient's form, or the visit or stay. */
export function missingFieldLink(
  field: string,
  episode: { patientId: string; encounterId: string; kind: 'outpatient' | 'inpatient' },
): string {
  if (field === 'MA_THE_BHYT') return `#/patients/${episode.patientId}/edit`;
  return episode.kind === 'inpatient' ? `#/stays/${episode.encounterId}` : `#/visits/${episode.encounterId}`;
}
