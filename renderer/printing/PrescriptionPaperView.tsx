import { isCode128B } from './code128';
import { Code128Barcode } from './Code128Barcode';
import { PaperField, PaperFrame, PaperPatientBlock } from './PaperFrame';
import type { PrescriptionPaper } from './prescription-paper';

/** Đơn thuốc, after the Ministry's outpatient prescription form. */
export function PrescriptionPaperView({ paper }: { paper: PrescriptionPaper }) {
  return (
    <PaperFrame
      facility={paper.facility}
      title="ĐƠN THUỐC"
      subtitle={
        <>
          {/* The pharmacy scans it instead of typing the code. */}
          {isCode128B(paper.code) && <Code128Barcode text={paper.code} widthMm={50} heightMm={9} />}
          <div>
            Mã đơn thuốc: <strong data-testid="paper-code">{paper.code}</strong>
          </div>
        </>
      }
      voidMark={paper.cancelled ? 'ĐÃ HUỶ – ĐƠN KHÔNG CÒN GIÁ TRỊ' : undefined}
      footer={paper.footer}
    >
      <PaperPatientBlock patient={paper.patient} />
      <p>
        <PaperField label="Chẩn đoán" value={paper.diagnoses} wide />
      </p>
      <table className="paper-table">
        <thead>
          <tr>
            <th>STT</th>
            <th>Tên thuốc, hàm lượng – cách dùng</th>
            <th>Số lượng</th>
          </tr>
        </thead>
        <tbody>
          {paper.lines.map((line) => (
            <tr key={line.number} data-testid="paper-drug">
              <td>{line.number}</td>
              <td>
                <strong>{line.drug}</strong>
                <div className="paper-usage">{line.usage}</div>
              </td>
              <td className="paper-quantity">{line.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Cộng khoản: <strong>{paper.itemCount}</strong>
      </p>
      {paper.advice.trim() !== '' && (
        <p>
          <PaperField label="Lời dặn" value={paper.advice} wide />
        </p>
      )}
      {paper.followUpDate !== '' && (
        <p>
          <PaperField label="Hẹn tái khám" value={paper.followUpDate} />
        </p>
      )}
    </PaperFrame>
  );
}
