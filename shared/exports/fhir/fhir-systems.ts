/**
 * The identifier and code systems Sen's FHIR export names. The ministry has published no
 * NamingSystem for CCCD or BHYT yet (HL7 Vietnam's drafts use their own), so Sen names them under
 * its own URI and says so in shared/exports/README.md; change them here when the ministry does.
 */
export const FHIR_SYSTEMS = {
  /** The 12-digit personal identification number (Căn cước công dân). */
  cccd: 'https://sen.health.vn/fhir/sid/cccd',
  /** The health-insurance card code (mã thẻ BHYT), 15 characters or the 10-digit number. */
  bhyt: 'https://sen.health.vn/fhir/sid/bhyt',
  /** The patient code a facility issues (mã người bệnh). */
  patientCode: 'https://sen.health.vn/fhir/sid/patient-code',
  /** The insurance episode key (MA_LK): one per visit or stay, never changed. */
  episodeKey: 'https://sen.health.vn/fhir/sid/ma-lk',
  /** The prescription code printed on the paper. */
  prescriptionCode: 'https://sen.health.vn/fhir/sid/prescription-code',
  /** The province's catalogs: lab tests, drugs, services. */
  labTest: 'https://sen.health.vn/fhir/CodeSystem/lab-test',
  drug: 'https://sen.health.vn/fhir/CodeSystem/drug',
  /** ICD-10 (the Vietnamese edition keeps WHO's codes). */
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  diagnosticService: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  snomed: 'http://snomed.info/sct',
} as const;

/** LOINC codes of the vital signs (FHIR's vital-signs profile codes) and their UCUM units. */
export const VITAL_SIGN_CODES = {
  pulse: { loinc: '8867-4', display: 'Heart rate', unit: '/min' },
  respiratoryRate: { loinc: '9279-1', display: 'Respiratory rate', unit: '/min' },
  temperature: { loinc: '8310-5', display: 'Body temperature', unit: 'Cel' },
  spo2: { loinc: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%' },
  weightKg: { loinc: '29463-7', display: 'Body weight', unit: 'kg' },
  heightCm: { loinc: '8302-2', display: 'Body height', unit: 'cm' },
} as const;
export const BLOOD_PRESSURE = {
  panel: { loinc: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { loinc: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { loinc: '8462-4', display: 'Diastolic blood pressure' },
  unit: 'mm[Hg]',
} as const;
