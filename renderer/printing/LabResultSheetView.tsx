import type { LabResultSheet } from './lab-result-sheet';
import { PaperField, PaperFrame, PaperPatientBlock } from './PaperFrame';

/** Phiếu kết quả xét nghiệm: one order's tests, values, units, reference ranges and flags. */
export function LabResultSheetView({ sheet }: { sheet: LabResultSheet }) {
  return (
    <PaperFrame facility={sheet.facility} title="PHIẾU KẾT QUẢ XÉT NGHIỆM" footer={sheet.footer}>
      <PaperPatientBlock patient={sheet.patient} />
      <p>
        <PaperField label="Chẩn đoán" value={sheet.diagnoses} wide />
      </p>
      <p>
        <PaperField label="Bác sĩ chỉ định" value={sheet.orderingDoctor} />
        <PaperField label="Thời gian chỉ định" value={sheet.orderedAt} />
      </p>
      <table className="paper-table">
        <thead>
          <tr>
            <th>STT</th>
            <th>Tên xét nghiệm</th>
            <th>Kết quả</th>
            <th>Đơn vị</th>
            <th>Trị số bình thường</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={row.number} data-testid="paper-result" className={row.abnormal ? 'abnormal' : undefined}>
              <td>{row.number}</td>
              <td>{row.test}</td>
              <td className="paper-result-value">{row.value}</td>
              <td>{row.unit}</td>
              <td>{row.reference}</td>
              <td>{row.flag}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Số chỉ số bất thường: <strong>{sheet.abnormalCount}</strong>
        {sheet.pendingCount > 0 && <> · Chưa có kết quả: {sheet.pendingCount}</>}
      </p>
    </PaperFrame>
  );
}
