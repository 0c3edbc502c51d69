import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { useServices } from '../app/services-context';
import { ReferralCard } from './ReferralCard';
import { ReferralForm } from './ReferralForm';
import { ReferralPrint } from './ReferralPrint';
import { SenderActions } from './SenderActions';
import { useFacilities, usePatientReferrals } from './use-referrals';
import './referrals.css';

/**
 * A patient's referrals on a visit, a stay or the chart, each with the step it is at and the
 * outcome once reported; from a visit concluded "refer" or an open stay (`fromEncounterId`), a
 * doctor writes a new one, then prints its paper.
 */
export function ReferralsSection({ patientId, fromEncounterId }: { patientId: string; fromEncounterId?: string }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const facilities = useFacilities();
  const list = usePatientReferrals(patientId);
  const [writing, setWriting] = useState(false);
  const [sent, setSent] = useState<ReferralDocument | null>(null);
  const [printing, setPrinting] = useState(false);
  const mayRefer = fromEncounterId !== undefined && session.can('referral.write');
  if (!mayRefer && (list === undefined || list.length === 0)) return null;

  return (
    <section className="visit-section referrals" data-testid="referrals-section" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referrals.sectionTitle')}</h2>
      {list && list.length > 0 && (
        <ul className="referral-list">
          {list.map((referral) => (
            <ReferralCard key={referral.id} referral={referral} facilities={facilities}>
              <SenderActions referral={referral} />
            </ReferralCard>
          ))}
        </ul>
      )}
      {sent && (
        <p className="notice" role="status" data-testid="referral-sent">
          {t('referrals.sent')}{' '}
          <button type="button" autoFocus onClick={() => setPrinting(true)}>
            {t('referrals.print')}
          </button>
        </p>
      )}
      {printing && sent && (
        // The version as it stands now (signed since, say), not as it was when sent.
        <ReferralPrint
          referral={list?.find((referral) => referral.id === sent.id) ?? sent}
          onClose={() => setPrinting(false)}
        />
      )}
      {mayRefer && fromEncounterId && writing && (
        <ReferralForm
          encounterId={fromEncounterId}
          onCancel={() => setWriting(false)}
          onSent={(referral) => {
            setWriting(false);
            setSent(referral);
          }}
        />
      )}
      {mayRefer && !writing && (
        <div className="actions">
          <button type="button" data-testid="new-referral" onClick={() => setWriting(true)}>
            {t('referrals.newReferral')}
          </button>
        </div>
      )}
    </section>
  );
}
