import { convert } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { hoSoBenhAn } from '../../../shared/exports/hosobenhan/hosobenhan';
import { hoSoBenhAnXml } from '../../../shared/exports/hosobenhan/hosobenhan-xml';
import { EXPORT_CONTEXT, exportPatient, stayRecord, visitRecord } from '../../helpers/export-records';

describe('the HoSoBenhAn export of one patient', () => {
  const patient = exportPatient();
  const visit = visitRecord(patient);
  const stay = stayRecord(patient);
  const record = {
    patient,
    encounters: [...visit.encounters, ...stay.encounters],
    orders: [...visit.orders, ...stay.orders],
    observations: [...visit.observations, ...stay.observations],
    notes: stay.notes,
    referrals: visit.referrals,
  };
  const exported = hoSoBenhAn(record, EXPORT_CONTEXT, '2026-12-03T02:00:00.000Z');

  it('has every group DOMAIN.md lists, the unrecorded ones empty', () => {
    expect(Object.keys(exported)).toEqual([
      'phienBan',
      'xuatLuc',
      'coSo',
      'thongTinNguoiBenh',
      'vaoVien',
      'dieuTri',
      'thuocVatTu',
      'dichVu',
      'ketQuaChanDoanHinhAnh',
      'ketQuaXetNghiem',
      'giayChuyenTuyen',
      'capCuu',
      'thuThuat',
      'phauThuat',
    ]);
    expect(exported.vaoVien).toHaveLength(2);
    expect(exported.ketQuaXetNghiem).toHaveLength(3);
    expect(exported.dieuTri[1]?.dienBien.map((note) => note.noiDung)).toEqual([
      'Sốt 39 °C, ran nổ đáy phổi phải',
      'Hết sốt, còn ho ít',
    ]);
  });

  it('survives JSON and XML round trips with the values exactly', () => {
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const parsed = convert(hoSoBenhAnXml(exported), { format: 'object' }) as {
      HoSoBenhAn: {
        thongTinNguoiBenh: Record<string, unknown>;
        dieuTri: { muc: { raVien: Record<string, unknown> | string }[] };
      };
    };
    expect(parsed.HoSoBenhAn.thongTinNguoiBenh).toMatchObject({
      hoTen: 'Nguyễn Thị Ánh Tuyết',
      soCccd: '001190012345',
      maTheBhyt: 'DN4010012345678',
      maDanToc: '01',
      ngaySinh: '1990-03-12',
    });
    expect(parsed.HoSoBenhAn.dieuTri.muc[1]?.raVien).toMatchObject({
      luc: '2026-12-02T09:30:00.000Z',
      phuongPhapDieuTri: 'Kháng sinh đường tĩnh mạch 5 ngày, hạ sốt',
    });
  });
});
