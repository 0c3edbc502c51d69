import { PaperField, PaperFrame, PaperPatientBlock } from './PaperFrame';
import type { ReferralPaper } from './referral-paper';

/**
 * Giấy chuyển tuyến, after the Ministry's form: where to, who, what was found and done, the
 * condition at transfer, why, how, with whom; and until when it is valid. No abbreviations.
 */
export function ReferralPaperView({ paper }: { paper: ReferralPaper }) {
  return (
    <PaperFrame
      facility={paper.facility}
      title="GIẤY CHUYỂN TUYẾN"
      subtitle={
        <>
          <strong>Khám bệnh, chữa bệnh bảo hiểm y tế</strong>
          <div>Kính gửi: {paper.to}</div>
        </>
      }
      footer={paper.footer}
    >
      <PaperPatientBlock patient={paper.patient} />
      <p>
        <PaperField label="Số căn cước công dân" value={paper.cccd} />
      </p>
      <p>
        <PaperField label="Dấu hiệu lâm sàng" value={paper.findings} wide />
      </p>
      <p>
        <PaperField label="Kết quả xét nghiệm, cận lâm sàng" value={paper.testsDone} wide />
      </p>
      <p>
        <PaperField label="Chẩn đoán" value={paper.diagnoses} wide />
      </p>
      <p>
        <PaperField label="Phương pháp, thủ thuật, kỹ thuật, thuốc đã sử dụng" value={paper.treatmentGiven} wide />
      </p>
      <p>
        <PaperField label="Tình trạng người bệnh lúc chuyển tuyến" value={paper.conditionAtTransfer} wide />
      </p>
      <p>
        <PaperField label="Lý do chuyển tuyến" value={paper.reason} wide />
      </p>
      <p>
        <PaperField label="Phương tiện vận chuyển" value={paper.transport} />
        <PaperField label="Người hộ tống" value={paper.accompanyingStaff} />
      </p>
      <p>
        Giấy chuyển tuyến có giá trị đến hết ngày <strong data-testid="paper-valid-until">{paper.validUntil}</strong>
      </p>
      {paper.signature !== '' && <p data-testid="paper-signature">{paper.signature}</p>}
    </PaperFrame>
  );
}
