import { useTranslation } from 'react-i18next';
import type { Route } from '../app/route';
import { ReceiverActions } from './ReceiverActions';
import { ReferralCard } from './ReferralCard';
import { SenderActions } from './SenderActions';
import { useFacilities, useIncomingReferrals, useOutgoingReferrals } from './use-referrals';
import './referrals.css';

/**
 * `#/referrals`: patients referred to this facility (those waiting for an answer first), to
 * accept, decline and report on; and those this facility referred, at the step each is at.
 */
export function ReferralsPage({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const facilities = useFacilities();
  const incoming = useIncomingReferrals();
  const outgoing = useOutgoingReferrals();
  return (
    <section className="page referrals-page" data-testid="ReferralsPage" aria-labelledby="referrals-page-title">
      <h1 id="referrals-page-title">{t('referrals.pageTitle')}</h1>
      <section aria-labelledby="incoming-title" data-testid="incoming-referrals">
        <h2 id="incoming-title">{t('referrals.incomingTitle')}</h2>
        {incoming === undefined && <p>{t('referrals.loading')}</p>}
        {incoming?.length === 0 && <p className="notice">{t('referrals.noIncoming')}</p>}
        {incoming && incoming.length > 0 && (
          <ul className="referral-list">
            {incoming.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} facilities={facilities}>
                <ReceiverActions referral={referral} navigate={navigate} />
              </ReferralCard>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="outgoing-title" data-testid="outgoing-referrals">
        <h2 id="outgoing-title">{t('referrals.outgoingTitle')}</h2>
        {outgoing === undefined && <p>{t('referrals.loading')}</p>}
        {outgoing?.length === 0 && <p className="notice">{t('referrals.noOutgoing')}</p>}
        {outgoing && outgoing.length > 0 && (
          <ul className="referral-list">
            {outgoing.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} facilities={facilities}>
                <SenderActions referral={referral} />
              </ReferralCard>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
