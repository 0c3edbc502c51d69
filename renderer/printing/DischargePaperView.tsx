import type { DischargePaper } from './discharge-paper';
import { PaperField, PaperFrame, PaperPatientBlock } from './PaperFrame';

/** Giấy ra viện, after the Ministry's form: the stay, the diagnoses, the treatment, the notes. */
export function DischargePaperView({ paper }: { paper: DischargePaper }) {
  return (
    <PaperFrame
      facility={paper.facility}
      title="GIẤY RA VIỆN"
      subtitle={<>Mã đợt điều trị: {paper.episodeKey}</>}
      footer={paper.footer}
    >
      <PaperPatientBlock patient={paper.patient} />
      <p>
        <PaperField label="Khoa" value={paper.department} />
      </p>
      <p>
        <PaperField label="Vào viện lúc" value={paper.admittedAt} />
        <PaperField label="Ra viện lúc" value={paper.dischargedAt} />
        <PaperField label="Số ngày điều trị" value={paper.daysInHospital} />
      </p>
      <p>
        <PaperField label="Chẩn đoán khi vào viện" value={paper.admittingDiagnoses} wide />
      </p>
      <p>
        <PaperField label="Chẩn đoán khi ra viện" value={paper.dischargeDiagnoses} wide />
      </p>
      <p>
        <PaperField label="Phương pháp điều trị" value={paper.treatment} wide />
      </p>
      <p>
        <PaperField label="Tình trạng ra viện" value={paper.condition} />
      </p>
      <p>Ghi chú:</p>
      <ul className="paper-notes">
        {paper.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </PaperFrame>
  );
}
