import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';

/**
 * A district hospital's clinical history, generated in the page (a million documents are too
 * many to ship as JSON): for each patient 3 visits, 2 lab orders and 5 observations (3 sets of
 * vital signs, 2 glucose results), ten documents per patient, each with the text a real visit
 * carries. Deterministic, so two runs store the same thing.
 */
export const DOCUMENTS_PER_PATIENT = 10;

const DIAGNOSES = [
  { code: 'I10', name: 'Bệnh lý tăng huyết áp vô căn (nguyên phát)' },
  { code: 'E11.9', name: 'Bệnh đái tháo đường không phụ thuộc insuline, không có biến chứng' },
  { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu' },
  { code: 'K29.7', name: 'Viêm dạ dày, không đặc hiệu' },
  { code: 'J02.9', name: 'Viêm họng cấp, không đặc hiệu' },
];

interface Author {
  facilityCode: string;
  staffId: string;
  deviceId: string;
}

type Unsigned<T> = T & { syncMeta: typeof UNSIGNED_SYNC_META };

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Ids that sort like the UUIDv7 the product issues, distinct per kind and patient. */
function documentId(kind: number, patient: number, n: number): string {
  return `0190c0d0-${hex(kind, 4)}-7000-8${hex(n, 3)}-${hex(patient, 12)}`;
}

function isoDay(base: number, daysLater: number): string {
  return new Date(base + daysLater * 86_400_000).toISOString();
}

const BASE = Date.UTC(2024, 0, 1);

export function clinicalDocumentsOf(
  patientId: string,
  patientIndex: number,
  author: Author,
): {
  encounters: Unsigned<EncounterDocument>[];
  orders: Unsigned<OrderDocument>[];
  observations: Unsigned<ObservationDocument>[];
} {
  const authorship = (at: string) => ({
    createdAt: at,
    updatedAt: at,
    createdByDeviceId: author.deviceId,
    createdBy: author.staffId,
    updatedBy: author.staffId,
  });
  const encounters: Unsigned<EncounterDocument>[] = [];
  const orders: Unsigned<OrderDocument>[] = [];
  const observations: Unsigned<ObservationDocument>[] = [];
  for (let visit = 0; visit < 3; visit++) {
    const at = isoDay(BASE, (patientIndex % 600) + visit * 90);
    const id = documentId(1, patientIndex, visit);
    const diagnosis = DIAGNOSES[(patientIndex + visit) % DIAGNOSES.length] ?? { code: 'I10', name: 'Tăng huyết áp' };
    encounters.push({
      id,
      facilityCode: author.facilityCode,
      patientId,
      kind: 'outpatient',
      episodeKey: `${author.facilityCode}.${id}`,
      departmentCode: 'K01',
      roomCode: 'K01',
      queueDate: at.slice(0, 10),
      queueNumber: 1 + (patientIndex % 200),
      status: 'finished',
      queuedAt: at,
      queuedBy: author.staffId,
      calledAt: at,
      doctorId: author.staffId,
      reason: 'Đau đầu, chóng mặt 3 ngày nay, mệt mỏi, ăn uống kém.',
      history: 'Tiền sử tăng huyết áp 5 năm, điều trị không đều. Không dị ứng thuốc đã biết.',
      examination: 'Tỉnh, tiếp xúc tốt. Tim đều, phổi không rale. Bụng mềm, gan lách không sờ thấy.',
      diagnoses: [{ ...diagnosis, primary: true }],
      disposition: 'home',
      followUpDate: '',
      advice: 'Uống thuốc đều, ăn nhạt, tái khám sau 1 tháng hoặc khi có bất thường.',
      finishedAt: at,
      ...authorship(at),
      syncMeta: UNSIGNED_SYNC_META,
    });
    observations.push({
      id: documentId(3, patientIndex, visit),
      facilityCode: author.facilityCode,
      patientId,
      encounterId: id,
      orderId: '',
      kind: 'vital-signs',
      code: 'vital-signs',
      recordedAt: at,
      vitals: {
        pulse: 70 + (patientIndex % 30),
        systolic: 110 + ((patientIndex + visit) % 60),
        diastolic: 70 + (patientIndex % 25),
        temperature: 36.5,
        respiratoryRate: 18,
        spo2: 97,
        weightKg: 50 + (patientIndex % 30),
        heightCm: 150 + (patientIndex % 25),
      },
      lab: null,
      allergy: null,
      note: '',
      ...authorship(at),
      syncMeta: UNSIGNED_SYNC_META,
    });
    if (visit === 2) continue;
    const orderId = documentId(2, patientIndex, visit);
    orders.push({
      id: orderId,
      facilityCode: author.facilityCode,
      patientId,
      encounterId: id,
      kind: 'lab',
      status: 'completed',
      tests: [{ code: '1234501', name: 'Định lượng Glucose', earlierResultId: '', repeatReason: '' }],
      drugs: [],
      prescriptionCode: '',
      overriddenWarnings: [],
      note: '',
      orderedAt: at,
      handledBy: author.staffId,
      completedAt: at,
      ...authorship(at),
      syncMeta: UNSIGNED_SYNC_META,
    });
    const glucose = 4 + ((patientIndex * 7 + visit * 3) % 60) / 10;
    observations.push({
      id: documentId(4, patientIndex, visit),
      facilityCode: author.facilityCode,
      patientId,
      encounterId: id,
      orderId,
      kind: 'lab-result',
      code: '1234501',
      recordedAt: at,
      vitals: null,
      lab: {
        testCode: '1234501',
        testName: 'Định lượng Glucose',
        value: glucose.toFixed(1),
        numericValue: glucose,
        unit: 'mmol/L',
        referenceLow: 3.9,
        referenceHigh: 6.4,
        referenceText: '',
        flag: glucose > 6.4 ? 'high' : 'normal',
      },
      allergy: null,
      note: '',
      ...authorship(at),
      syncMeta: UNSIGNED_SYNC_META,
    });
  }
  return { encounters, orders, observations };
}
