import { useTranslation } from 'react-i18next';
import type { SignatureCheck, Signable } from '../../shared/clinical/signed-document';
import { formatDateTime } from '../app/format';
import { useStaffName } from '../staff/use-staff-name';

/** "Đã ký: <name> · <time>" and whether the signature holds on this PC. */
export function SignatureLine({ document, check }: { document: Signable; check: SignatureCheck | undefined }) {
  const { t } = useTranslation();
  const name = useStaffName(document.signedBy ?? '', document.signedBy ?? '');
  if (!document.signedBy) return null;
  return (
    <p className={`signature-line signature-${check ?? 'checking'}`} data-testid="signature-line" data-check={check}>
      {t('signing.signedBy', { name, time: formatDateTime(document.signedAt ?? '') })}
      {check && check !== 'unsigned' && (
        <>
          {' · '}
          <span data-testid="signature-check">{t(`signing.verify_${check}`)}</span>
        </>
      )}
    </p>
  );
}
