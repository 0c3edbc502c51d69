import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { mayWithdraw } from './referral-content';
import { referralProblemMessage } from './referral-format';
import { ReferralPrint } from './ReferralPrint';

/** What the sending facility does with a referral: print its paper, withdraw it while pending. */
export function SenderActions({ referral }: { referral: ReferralDocument }) {
  const { t } = useTranslation();
  const { referrals, session } = useServices();
  const [printing, setPrinting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (referral.fromFacilityCode !== referrals.facilityCode) return null;
  const mayWrite = session.can('referral.write');

  const withdraw = async (): Promise<void> => {
    try {
      const result = await referrals.withdraw(referral.id);
      setFailure(result.ok ? null : result.problems.map((problem) => referralProblemMessage(t, problem)).join(' '));
    } catch (error) {
      setFailure(t('referrals.saveFailed', { message: String(error) }));
    }
    setConfirming(false);
  };

  return (
    <div className="actions">
      <button type="button" data-testid="print-referral" onClick={() => setPrinting(true)}>
        {t('referrals.print')}
      </button>
      {mayWrite && mayWithdraw(referral) && !confirming && (
        <button type="button" data-testid="withdraw-referral" onClick={() => setConfirming(true)}>
          {t('referrals.withdraw')}
        </button>
      )}
      {confirming && (
        <p className="notice" role="alert">
          {t('referrals.withdrawConfirm')}{' '}
          <button type="button" data-testid="confirm-withdraw" autoFocus onClick={() => void withdraw()}>
            {t('referrals.withdraw')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('referrals.cancel')}
          </button>
        </p>
      )}
      <FormError message={failure} testId="withdraw-failed" />
      {printing && <ReferralPrint referral={referral} onClose={() => setPrinting(false)} />}
    </div>
  );
}
