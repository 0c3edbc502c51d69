import { useTranslation } from 'react-i18next';
import type { SignatureCheck } from '../../shared/clinical/signed-document';
import type { TimelineVisit } from './chart-timeline';
import '../signing/signing.css';

/**
 * Beside a visit on the timeline: signed (and whether the signature holds on this PC) and
 * amended. A signature that does not verify is marked, never hidden.
 */
export function SignatureMark({ visit, check }: { visit: TimelineVisit; check: SignatureCheck | undefined }) {
  const { t } = useTranslation();
  const amended = visit.supersededVersions.length > 0;
  if (!visit.document.signedBy && !amended) return null;
  return (
    <span
      className={`timeline-signature signature-${check ?? 'checking'}`}
      data-testid="timeline-signature"
      data-check={check}
    >
      {' · '}
      {check === 'invalid' || check === 'key-unknown' ? t(`signing.verify_${check}`) : t('signing.markSigned')}
      {amended && ` · ${t('signing.markAmended')}`}
    </span>
  );
}
