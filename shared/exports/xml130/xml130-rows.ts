import type { Diagnosis } from '../../clinical/common-fields';
import type { DischargeCondition } from '../../clinical/note-document';
import type { ResultFlag } from '../../clinical/observation-document';
import type { PrescribedDrug } from '../../clinical/order-document';
import { addressLine } from '../../patient/patient-address';
import type { ExportContext } from '../patient-record';
import type { Episode } from './xml130-episode';
import { xml130Date, xml130Time } from './xml130-time';
import {
  emptyRow,
  XML130_TABLES,
  type Xml13Row,
  type Xml1Row,
  type Xml2Row,
  type Xml3Row,
  type Xml4Row,
  type Xml5Row,
  type Xml7Row,
} from './xml130-tables';
import { testsDoneText } from '../../referral/carried-results';

/**
 * The rows of each table for one episode. Values Sen does not hold (prices, card validity, the
 * insurer's category codes…) stay empty or zero; README lists them. Codes are copied as stored:
 * strings, leading zeros kept, ICD-10 codes never rewritten.
 */

/** MA_LOAI_KCB: 01 an examination, 03 an inpatient stay. */
const VISIT_TYPE = { outpatient: '01', inpatient: '03' } as const;
/** MA_NHOM: 1 lab test, 2 imaging, 4 a drug in the insurer's list. */
const GROUP = { lab: '1', imaging: '2', drug: '4' } as const;
/** KET_QUA_DTRI: 1 recovered … 5 died. */
const OUTCOME: Readonly<Record<DischargeCondition, string>> = {
  recovered: '1',
  improved: '2',
  unchanged: '3',
  worse: '4',
  died: '5',
};
/** MA_LOAI_RV: 1 discharged, 2 referred to another facility. */
const LEAVING = { discharged: '1', referred: '2' } as const;
const RESULT_WORDS: Readonly<Record<ResultFlag, string>> = {
  '': '',
  normal: 'Bình thường',
  low: 'Thấp',
  high: 'Cao',
  'critical-low': 'Thấp nguy hiểm',
  'critical-high': 'Cao nguy hiểm',
  abnormal: 'Bất thường',
};
/** MA_QUOCTICH of a Vietnamese citizen in the insurer's nationality list. */
const VIETNAMESE_NATIONALITY = '000';

const fullName = (episode: Episode): string =>
  [episode.patient.familyName, episode.patient.middleName, episode.patient.givenName].filter(Boolean).join(' ');
const sexCode = (episode: Episode): string => (episode.patient.sex === 'male' ? '1' : '2');
/** NGAY_SINH is 12 characters since 4750: the birth day at 00:00. */
const birthTime = (episode: Episode): string => `${xml130Date(episode.patient.dateOfBirth)}0000`;
const diagnosisText = (diagnoses: readonly Diagnosis[]): string =>
  diagnoses.map((diagnosis) => `${diagnosis.code} - ${diagnosis.name}`).join('; ');
const primaryCode = (diagnoses: readonly Diagnosis[]): string => diagnoses.find((d) => d.primary)?.code ?? '';
const otherCodes = (diagnoses: readonly Diagnosis[]): string =>
  diagnoses
    .filter((diagnosis) => !diagnosis.primary)
    .map((diagnosis) => diagnosis.code)
    .join(';');

/** Whole days of treatment: a stay counts its calendar days in Vietnam, a visit none. */
function treatmentDays(episode: Episode): string {
  if (!episode.isStay) return '0';
  const start = xml130Time(episode.admittedAt).slice(0, 8);
  const end = xml130Time(episode.endedAt).slice(0, 8);
  const day = (yyyymmdd: string) =>
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
  return String(Math.max(1, Math.round((day(end) - day(start)) / 86_400_000) + 1));
}

function latestWeight(episode: Episode): string {
  const weights = episode.observations.flatMap((observation) =>
    observation.vitals?.weightKg != null ? [observation.vitals.weightKg] : [],
  );
  const last = weights.at(-1);
  return last === undefined ? '' : String(last);
}

export function xml1Row(episode: Episode, context: ExportContext): Xml1Row {
  const { encounter, patient, discharge } = episode;
  const ended = xml130Time(episode.endedAt);
  const referred = episode.referral !== null || encounter.disposition === 'refer';
  return {
    ...(emptyRow(XML130_TABLES.XML1) as Xml1Row),
    MA_LK: encounter.episodeKey,
    STT: '1',
    MA_BN: patient.patientCode,
    HO_TEN: fullName(episode),
    SO_CCCD: patient.cccd,
    NGAY_SINH: birthTime(episode),
    GIOI_TINH: sexCode(episode),
    MA_QUOCTICH: VIETNAMESE_NATIONALITY,
    MA_DANTOC: patient.ethnicityCode,
    DIA_CHI: addressLine(patient),
    MATINH_CU_TRU: patient.address.provinceCode,
    MAXA_CU_TRU: patient.address.wardCode,
    DIEN_THOAI: patient.phone,
    MA_THE_BHYT: patient.bhyt,
    LY_DO_VV: encounter.reason,
    LY_DO_VNT: episode.isStay ? encounter.reason : '',
    CHAN_DOAN_VAO: diagnosisText(encounter.stay?.admittingDiagnoses ?? encounter.diagnoses),
    CHAN_DOAN_RV: diagnosisText(episode.diagnoses),
    MA_BENH_CHINH: primaryCode(episode.diagnoses),
    MA_BENH_KT: otherCodes(episode.diagnoses),
    MA_NOI_DI: '',
    MA_NOI_DEN: episode.referral?.toFacilityCode ?? '',
    NGAY_VAO: xml130Time(episode.admittedAt),
    NGAY_VAO_NOI_TRU: episode.isStay ? xml130Time(episode.admittedAt) : '',
    NGAY_RA: ended,
    SO_NGAY_DTRI: treatmentDays(episode),
    PP_DIEU_TRI: discharge?.treatment ?? encounter.advice,
    KET_QUA_DTRI: discharge ? OUTCOME[discharge.condition] : '',
    MA_LOAI_RV: referred ? LEAVING.referred : LEAVING.discharged,
    T_THUOC: '0',
    T_VTYT: '0',
    T_TONGCHI_BV: '0',
    T_TONGCHI_BH: '0',
    T_BNTT: '0',
    T_BNCCT: '0',
    T_BHTT: '0',
    T_NGUONKHAC: '0',
    T_BHTT_GDV: '0',
    NAM_QT: ended.slice(0, 4),
    THANG_QT: ended === '' ? '' : String(Number(ended.slice(4, 6))),
    MA_LOAI_KCB: episode.isStay ? VISIT_TYPE.inpatient : VISIT_TYPE.outpatient,
    MA_KHOA: episode.departmentCode,
    MA_CSKCB: context.facility.code,
    CAN_NANG: latestWeight(episode),
    NGAY_TAI_KHAM: xml130Date(discharge?.followUpDate ?? encounter.followUpDate),
    MA_HSBA: encounter.id,
  };
}

const dosage = (drug: PrescribedDrug): string =>
  `${String(drug.dosePerTime)} ${drug.doseUnit}/lần x ${String(drug.timesPerDay)} lần/ngày x ${String(drug.days)} ngày`;

export function xml2Rows(episode: Episode): Xml2Row[] {
  const prescriptions = episode.orders.filter((order) => order.kind === 'prescription');
  return prescriptions
    .flatMap((order) => order.drugs.map((drug) => ({ order, drug })))
    .map(({ order, drug }, index) => ({
      ...(emptyRow(XML130_TABLES.XML2) as Xml2Row),
      MA_LK: episode.encounter.episodeKey,
      STT: String(index + 1),
      MA_THUOC: drug.code,
      MA_NHOM: GROUP.drug,
      TEN_THUOC: drug.name,
      DON_VI_TINH: drug.unit,
      HAM_LUONG: drug.strength,
      DANG_BAO_CHE: drug.form,
      LIEU_DUNG: dosage(drug),
      CACH_DUNG: [drug.route, drug.instructions].filter(Boolean).join(', '),
      PHAM_VI: '1',
      TYLE_TT_BH: '100',
      SO_LUONG: String(drug.quantity),
      DON_GIA: '0',
      THANH_TIEN_BV: '0',
      THANH_TIEN_BH: '0',
      T_NGUONKHAC: '0',
      T_BNTT: '0',
      T_BNCCT: '0',
      T_BHTT: '0',
      MA_KHOA: episode.departmentCode,
      MA_BAC_SI: order.createdBy,
      NGAY_YL: xml130Time(order.orderedAt),
      NGAY_TH_YL: xml130Time(order.completedAt),
      DU_PHONG: order.prescriptionCode,
    }));
}

export function xml3Rows(episode: Episode): Xml3Row[] {
  const testOrders = episode.orders.filter((order) => order.kind === 'lab' || order.kind === 'imaging');
  const codes = [primaryCode(episode.diagnoses), otherCodes(episode.diagnoses)].filter(Boolean).join(';');
  return testOrders
    .flatMap((order) => order.tests.map((test) => ({ order, test })))
    .map(({ order, test }, index) => {
      const results = episode.observations.filter((o) => o.orderId === order.id && o.lab?.testCode === test.code);
      return {
        ...(emptyRow(XML130_TABLES.XML3) as Xml3Row),
        MA_LK: episode.encounter.episodeKey,
        STT: String(index + 1),
        MA_DICH_VU: test.code,
        MA_NHOM: order.kind === 'lab' ? GROUP.lab : GROUP.imaging,
        TEN_DICH_VU: test.name,
        DON_VI_TINH: 'Lần',
        PHAM_VI: '1',
        SO_LUONG: '1',
        DON_GIA_BV: '0',
        DON_GIA_BH: '0',
        TYLE_TT_DV: '100',
        TYLE_TT_BH: '100',
        THANH_TIEN_BV: '0',
        THANH_TIEN_BH: '0',
        T_NGUONKHAC: '0',
        T_BNTT: '0',
        T_BNCCT: '0',
        T_BHTT: '0',
        MA_KHOA: episode.departmentCode,
        MA_BAC_SI: order.createdBy,
        NGUOI_THUC_HIEN: results[0]?.createdBy ?? order.handledBy,
        MA_BENH: codes,
        NGAY_YL: xml130Time(order.orderedAt),
        NGAY_TH_YL: xml130Time(order.completedAt),
        NGAY_KQ: xml130Time(results.at(-1)?.recordedAt ?? ''),
      };
    });
}

function referenceText(low: number | null, high: number | null, text: string): string {
  if (text !== '') return text;
  if (low !== null && high !== null) return `${String(low)} - ${String(high)}`;
  if (low !== null) return `≥ ${String(low)}`;
  if (high !== null) return `≤ ${String(high)}`;
  return '';
}

export function xml4Rows(episode: Episode): Xml4Row[] {
  const results = episode.observations.flatMap((observation) =>
    observation.kind === 'lab-result' && observation.lab ? [{ observation, lab: observation.lab }] : [],
  );
  return results.map(({ observation, lab }, index) => ({
    ...(emptyRow(XML130_TABLES.XML4) as Xml4Row),
    MA_LK: episode.encounter.episodeKey,
    STT: String(index + 1),
    MA_DICH_VU: lab.testCode,
    MA_CHI_SO: lab.testCode,
    TEN_CHI_SO: lab.testName,
    GIA_TRI: lab.value,
    DON_VI_DO: lab.unit,
    MO_TA: referenceText(lab.referenceLow, lab.referenceHigh, lab.referenceText),
    KET_LUAN: RESULT_WORDS[lab.flag],
    NGAY_KQ: xml130Time(observation.recordedAt),
    MA_BS_DOC_KQ: observation.createdBy,
  }));
}

export function xml5Rows(episode: Episode): Xml5Row[] {
  return episode.progressNotes.map((note, index) => ({
    ...(emptyRow(XML130_TABLES.XML5) as Xml5Row),
    MA_LK: episode.encounter.episodeKey,
    STT: String(index + 1),
    DIEN_BIEN_LS: [note.text, note.progress?.ordersSummary ?? ''].filter(Boolean).join('\n'),
    THOI_DIEM_DBLS: xml130Time(note.writtenAt),
    NGUOI_THUC_HIEN: note.createdBy,
  }));
}

export function xml7Row(episode: Episode, context: ExportContext): Xml7Row | null {
  const { discharge } = episode;
  if (!discharge) return null;
  const doctor = discharge.signedBy || discharge.writtenBy;
  return {
    ...(emptyRow(XML130_TABLES.XML7) as Xml7Row),
    MA_LK: episode.encounter.episodeKey,
    SO_LUU_TRU: episode.encounter.id,
    MA_YTE: episode.patient.patientCode,
    MA_KHOA_RV: episode.departmentCode,
    NGAY_VAO: xml130Time(episode.admittedAt),
    NGAY_RA: xml130Time(discharge.dischargedAt),
    CHAN_DOAN_RV: diagnosisText(episode.diagnoses),
    PP_DIEUTRI: discharge.treatment,
    GHI_CHU: [discharge.advice, discharge.followUp].filter(Boolean).join('\n'),
    MA_BS: doctor,
    TEN_BS: context.staffName(doctor),
    NGAY_CT: xml130Time(discharge.dischargedAt).slice(0, 8),
  };
}

export function xml13Row(episode: Episode): Xml13Row | null {
  const { referral, patient } = episode;
  if (!referral) return null;
  return {
    ...(emptyRow(XML130_TABLES.XML13) as Xml13Row),
    MA_LK: episode.encounter.episodeKey,
    SO_HOSO: patient.patientCode,
    SO_CHUYENTUYEN: referral.id,
    GIAY_CHUYEN_TUYEN: referral.id,
    MA_CSKCB: referral.fromFacilityCode,
    MA_NOI_DI: referral.fromFacilityCode,
    MA_NOI_DEN: referral.toFacilityCode,
    HO_TEN: fullName(episode),
    NGAY_SINH: birthTime(episode),
    GIOI_TINH: sexCode(episode),
    MA_QUOCTICH: VIETNAMESE_NATIONALITY,
    MA_DANTOC: patient.ethnicityCode,
    DIA_CHI: addressLine(patient),
    MA_THE_BHYT: patient.bhyt,
    NGAY_VAO: xml130Time(episode.admittedAt),
    NGAY_VAO_NOI_TRU: episode.isStay ? xml130Time(episode.admittedAt) : '',
    NGAY_RA: xml130Time(episode.endedAt),
    DAU_HIEU_LS: referral.findings,
    CHAN_DOAN_RV: diagnosisText(referral.diagnoses),
    QT_BENHLY: referral.conditionAtTransfer,
    TOMTAT_KQ: testsDoneText(referral),
    PP_DIEUTRI: referral.treatmentGiven,
    MA_BENH_CHINH: primaryCode(referral.diagnoses),
    MA_BENH_KT: otherCodes(referral.diagnoses),
    MA_LOAI_RV: LEAVING.referred,
    HUONG_DIEU_TRI: referral.reason,
    PHUONGTIEN_VC: referral.transport,
    HOTEN_NGUOI_HT: referral.accompanyingStaff,
    MA_BAC_SI: referral.createdBy,
  };
}
