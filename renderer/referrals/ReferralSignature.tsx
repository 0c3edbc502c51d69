import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isSignedDocument } from '../../shared/clinical/signed-document';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { useServices } from '../app/services-context';
import { DocumentSigning } from '../signing/DocumentSigning';
import { SignatureLine } from '../signing/SignatureLine';
import { useSignatureChecks } from '../signing/use-signing';

/**
 * The referring doctor's signature on a referral. At the sending facility: who signed and whether
 * it verifies, or "Ký giấy chuyển tuyến" for a doctor. At the receiving one: who signed, or that
 * it is not signed; the receiver answers a referral, it never signs it.
 */
export function ReferralSignature({ referral }: { referral: ReferralDocument }) {
  const { t } = useTranslation();
  const { referrals } = useServices();
  const documents = useMemo(() => [referral], [referral]);
  const checks = useSignatureChecks('referrals', documents);
  if (referral.fromFacilityCode === referrals.facilityCode)
    return (
      <DocumentSigning
        signed={{ collection: 'referrals', document: referral }}
        label={t('referrals.signReferral')}
        explain={t('signing.signReferralExplain')}
        testId="sign-referral"
      />
    );
  if (isSignedDocument(referral)) return <SignatureLine document={referral} check={checks.get(referral.id)} />;
  return (
    <p className="notice" data-testid="referral-unsigned">
      {t('referrals.unsigned')}
    </p>
  );
}
