import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { formatDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { CarriedResultText } from './CarriedResultText';
import { referralStep } from './referral-content';
import { ReferralSignature } from './ReferralSignature';
import type { FacilityEntry } from './referrals-repository';
import { facilityLabel } from './use-referrals';

/**
 * One referral as either side reads it: who, from where to where, when, the step it is at and
 * what the receiver said; the side's actions below. Its clinical content (reason, diagnoses, the
 * results it carries, the signature, the receiver's note and outcome summary) is shown only to staff who may read the clinical record:
 * reception takes the patient in from the identity alone.
 */
export function ReferralCard({
  referral,
  facilities,
  children,
}: {
  referral: ReferralDocument;
  facilities: Map<string, FacilityEntry>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { session } = useServices();
  const mayReadClinical = session.can('clinical.read');
  const step = referralStep(referral);
  const { patient } = referral;
  return (
    <li className={`referral-card step-${step}`} data-testid="referral" data-step={step} data-id={referral.id}>
      <div className="referral-head">
        <strong>
          {t('referrals.patientLine', { name: patient.fullName, birth: formatDisplayDate(patient.dateOfBirth) })}
        </strong>
        <span className="referral-step" data-testid="referral-step">
          {t(`referrals.step_${step}`)}
        </span>
      </div>
      <div className="notice">
        {t('referrals.identifiers', {
          cccd: patient.cccd || t('referrals.none'),
          bhyt: patient.bhyt || t('referrals.none'),
        })}
      </div>
      <div>{t('referrals.from', { facility: facilityLabel(facilities, referral.fromFacilityCode) })}</div>
      <div>{t('referrals.to', { facility: facilityLabel(facilities, referral.toFacilityCode) })}</div>
      <div className="notice">{t('referrals.sentAt', { time: formatDateTime(referral.createdAt) })}</div>
      {mayReadClinical ? (
        <div>
          {t('referrals.reason')}: {referral.reason}
        </div>
      ) : (
        <div className="notice" data-testid="referral-clinical-hidden">
          {t('referrals.clinicalHidden')}
        </div>
      )}
      {mayReadClinical && referral.diagnoses.length > 0 && (
        <div>
          {t('referrals.diagnoses')}:{' '}
          {referral.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.name}`).join('; ')}
        </div>
      )}
      {mayReadClinical && (referral.results ?? []).length > 0 && (
        <div data-testid="referral-results">
          {t('referrals.results')}:
          <ul>
            {(referral.results ?? []).map((result) => (
              <li key={result.observationId}>
                <CarriedResultText result={result} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {mayReadClinical && <ReferralSignature referral={referral} />}
      {mayReadClinical && referral.receiverNote && (
        <div data-testid="referral-receiver-note">{t('referrals.receiverNote', { note: referral.receiverNote })}</div>
      )}
      {referral.outcome && (
        <div data-testid="referral-outcome">
          {mayReadClinical
            ? t('referrals.outcomeLine', {
                outcome: t(`referrals.outcome_${referral.outcome}`),
                summary: referral.outcomeSummary,
              })
            : t(`referrals.outcome_${referral.outcome}`)}
        </div>
      )}
      {children}
    </li>
  );
}
