import type { Diagnosis } from '../../clinical/common-fields';
import { addressLine } from '../../patient/patient-address';
import { episodeDocuments, inForce, type ExportContext, type PatientRecord } from '../patient-record';
import { testsDoneText } from '../../referral/carried-results';

/**
 * The whole record of one patient in the groups of the HoSoBenhAn export (Circular 13/2025,
 * DOMAIN.md): patient information, admission, treatment, medication and supply orders, service
 * orders, imaging results, lab results, referral papers, emergency, procedures, surgery. Sen
 * records no emergency, procedure or surgery documents yet: those groups are present and empty,
 * so a reader tells "none recorded" from "not exported". Times are the stored ISO instants.
 */
export const HOSOBENHAN_VERSION = '1';

const diagnosisList = (diagnoses: readonly Diagnosis[]) =>
  diagnoses.map((diagnosis) => ({ maIcd10: diagnosis.code, ten: diagnosis.name, chinh: diagnosis.primary }));

export function hoSoBenhAn(record: PatientRecord, context: Pick<ExportContext, 'facility'>, exportedAt: string) {
  const { patient } = record;
  const encounters = inForce(record.encounters);
  const orders = inForce(record.orders);
  const allergies = record.observations.flatMap((observation) =>
    observation.allergy ? [{ id: observation.id, ghiNhanLuc: observation.recordedAt, ...observation.allergy }] : [],
  );
  return {
    phienBan: HOSOBENHAN_VERSION,
    xuatLuc: exportedAt,
    coSo: { ma: context.facility.code, ten: context.facility.name },
    thongTinNguoiBenh: {
      id: patient.id,
      maNguoiBenh: patient.patientCode,
      hoTen: [patient.familyName, patient.middleName, patient.givenName].filter(Boolean).join(' '),
      ho: patient.familyName,
      tenDem: patient.middleName,
      ten: patient.givenName,
      ngaySinh: patient.dateOfBirth,
      gioiTinh: patient.sex,
      soCccd: patient.cccd,
      maTheBhyt: patient.bhyt,
      dienThoai: patient.phone,
      maDanToc: patient.ethnicityCode,
      diaChi: {
        maTinh: patient.address.provinceCode,
        maXa: patient.address.wardCode,
        soNhaDuong: patient.address.street,
        dayDu: addressLine(patient),
      },
      diUng: allergies,
    },
    vaoVien: encounters.map((encounter) => ({
      maLk: encounter.episodeKey,
      loai: encounter.kind,
      vaoLuc: encounter.stay?.admittedAt ?? encounter.queuedAt,
      maKhoa: encounter.stay?.location.departmentCode ?? encounter.departmentCode,
      giuong: encounter.stay?.location.bed ?? '',
      lyDo: encounter.reason,
      chanDoanVao: diagnosisList(encounter.stay?.admittingDiagnoses ?? []),
    })),
    dieuTri: encounters.map((encounter) => {
      const { notes } = episodeDocuments(record, encounter);
      const discharge = notes.filter((note) => note.discharge).at(-1)?.discharge ?? null;
      return {
        maLk: encounter.episodeKey,
        trangThai: encounter.status,
        bacSi: encounter.doctorId,
        benhSu: encounter.history,
        khamBenh: encounter.examination,
        chanDoan: diagnosisList(encounter.diagnoses),
        huongXuTri: encounter.disposition,
        loiDan: encounter.advice,
        henTaiKham: encounter.followUpDate,
        ketThucLuc: encounter.finishedAt,
        dienBien: notes
          .filter((note) => note.kind === 'progress')
          .map((note) => ({
            ngay: note.noteDate,
            vietLuc: note.writtenAt,
            noiDung: note.text,
            yLenh: note.progress?.ordersSummary ?? '',
            nguoiViet: note.createdBy,
          })),
        chuyenGiuong: notes.flatMap((note) =>
          note.transfer ? [{ luc: note.transfer.movedAt, tu: note.transfer.from, den: note.transfer.to }] : [],
        ),
        raVien: discharge && {
          luc: discharge.dischargedAt,
          chanDoan: diagnosisList(discharge.diagnoses),
          phuongPhapDieuTri: discharge.treatment,
          tinhTrang: discharge.condition,
          henTaiKham: discharge.followUpDate,
          loiDan: discharge.advice,
        },
      };
    }),
    thuocVatTu: orders
      .filter((order) => order.kind === 'prescription')
      .map((order) => ({
        id: order.id,
        maDon: order.prescriptionCode,
        encounterId: order.encounterId,
        keLuc: order.orderedAt,
        trangThai: order.status,
        thuoc: order.drugs,
      })),
    dichVu: orders
      .filter((order) => order.kind !== 'prescription')
      .map((order) => ({
        id: order.id,
        loai: order.kind,
        encounterId: order.encounterId,
        chiDinhLuc: order.orderedAt,
        trangThai: order.status,
        dichVu: order.tests.map((test) => ({ ma: test.code, ten: test.name })),
      })),
    // Imaging is ordered in Sen but its reports are not yet recorded as documents of their own.
    ketQuaChanDoanHinhAnh: [] as const,
    ketQuaXetNghiem: record.observations.flatMap((observation) =>
      observation.lab
        ? [{ id: observation.id, chiDinh: observation.orderId, coLuc: observation.recordedAt, ...observation.lab }]
        : [],
    ),
    giayChuyenTuyen: record.referrals.map((referral) => ({
      id: referral.id,
      tuCoSo: referral.fromFacilityCode,
      denCoSo: referral.toFacilityCode,
      lyDo: referral.reason,
      chanDoan: diagnosisList(referral.diagnoses),
      dauHieuLamSang: referral.findings,
      xetNghiemDaLam: testsDoneText(referral),
      dieuTriDaDung: referral.treatmentGiven,
      tinhTrangKhiChuyen: referral.conditionAtTransfer,
      phuongTien: referral.transport,
      nguoiHoTong: referral.accompanyingStaff,
      trangThai: referral.senderStatus,
      vietLuc: referral.createdAt,
    })),
    capCuu: [] as const,
    thuThuat: [] as const,
    phauThuat: [] as const,
  };
}

export type HoSoBenhAn = ReturnType<typeof hoSoBenhAn>;
