import type { ReactNode } from 'react';
import type { PaperFacility, PaperFooter, PaperPatient } from './paper-parts';

/**
 * The frame every printed paper shares, after the Ministry's forms: the facility and the
 * national heading side by side, the title, the body, then the date line and the signature
 * block. The signature is applied by the signing feature; the paper leaves its slot.
 * Pure: plain data in, markup out, so it renders the same in the app, a print window and a test.
 */
export function PaperFrame(props: {
  facility: PaperFacility;
  title: string;
  /** Under the title: the prescription code, the department… */
  subtitle?: ReactNode;
  /** Printed across the top when the document no longer stands (a cancelled prescription). */
  voidMark?: string;
  footer: PaperFooter;
  children: ReactNode;
}) {
  const { facility, footer } = props;
  return (
    <article className="paper" data-testid="paper">
      <header className="paper-heading">
        <div className="paper-facility">
          <div>{facility.authority}</div>
          <strong>{facility.name}</strong>
          <div>Mã cơ sở: {facility.code}</div>
        </div>
        <div className="paper-nation">
          <strong>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <div className="paper-motto">Độc lập - Tự do - Hạnh phúc</div>
        </div>
      </header>
      {props.voidMark !== undefined && (
        <p className="paper-void" data-testid="paper-void">
          {props.voidMark}
        </p>
      )}
      <h1 className="paper-title">{props.title}</h1>
      {props.subtitle !== undefined && <div className="paper-subtitle">{props.subtitle}</div>}
      <div className="paper-body">{props.children}</div>
      <footer className="paper-signature">
        <div className="paper-date">{footer.placeAndDate}</div>
        <strong>{footer.signer.role.toLocaleUpperCase('vi')}</strong>
        <div className="signature-slot" data-testid="signature-slot">
          Ký
        </div>
        <strong data-testid="signer-name">{footer.signer.name}</strong>
      </footer>
    </article>
  );
}

/** One labelled line of a paper: "Họ tên: Lò Thị Mai". Empty values print as dots to fill by hand. */
export function PaperField({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <span className={wide ? 'paper-field wide' : 'paper-field'}>
      {label}: <span className="paper-value">{value.trim() === '' ? '…………' : value}</span>
    </span>
  );
}

/** The patient's identity, the same on every paper. */
export function PaperPatientBlock({ patient }: { patient: PaperPatient }) {
  return (
    <div className="paper-patient" data-testid="paper-patient">
      <p>
        <PaperField label="Họ tên người bệnh" value={patient.fullName} />
        <PaperField label="Tuổi" value={patient.age} />
        <PaperField label="Giới tính" value={patient.sex} />
      </p>
      <p>
        <PaperField label="Ngày sinh" value={patient.dateOfBirth} />
        {patient.patientCode !== '' && <PaperField label="Mã người bệnh" value={patient.patientCode} />}
        <PaperField label="Số thẻ BHYT" value={patient.bhyt} />
      </p>
      <p>
        <PaperField label="Địa chỉ" value={patient.address} wide />
      </p>
      {patient.guardian !== undefined && patient.guardian !== '' && (
        <p data-testid="paper-guardian">
          <PaperField label="Họ tên mẹ/cha/người giám hộ" value={patient.guardian} wide />
        </p>
      )}
    </div>
  );
}
