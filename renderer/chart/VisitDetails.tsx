import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { SignatureCheck } from '../../shared/clinical/signed-document';
import type { TimelineVisit, VisitVitals } from './chart-timeline';
import { displayDay, displayTime, measuredValue, referenceText } from './chart-format';

/** One visit opened in the timeline: what was found, measured, resulted and prescribed. */
export function VisitDetails({
  id,
  visit,
  signatures = new Map(),
}: {
  id: string;
  visit: TimelineVisit;
  signatures?: ReadonlyMap<string, SignatureCheck>;
}) {
  const { t } = useTranslation();
  const awaited = awaitedTests(visit);
  return (
    <div id={id} className="visit-details" data-testid="visit-details">
      <VersionSignature version={visit.document} check={signatures.get(visit.id)} />
      {visit.stay && (
        <p>
          <a href={`#/stays/${visit.id}`} data-testid="chart-open-stay">
            {t('chart.openStay')}
          </a>
        </p>
      )}
      <dl>
        {visit.reason && <Row label={t('chart.reason')} value={visit.reason} />}
        {visit.examination && <Row label={t('chart.examination')} value={visit.examination} />}
        {visit.diagnoses.length > 0 && (
          <Row
            label={t('chart.diagnoses')}
            value={visit.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.name}`).join('; ')}
          />
        )}
        {visit.advice && <Row label={t('chart.advice')} value={visit.advice} />}
        {visit.followUpDate && <Row label={t('chart.followUp')} value={displayDay(visit.followUpDate)} />}
      </dl>
      {visit.vitals.map((vitals) => (
        <p key={vitals.id} className="visit-vitals">
          <strong>{t('chart.vitals')}</strong> ({displayTime(vitals.recordedAt)}): {vitalsLine(t, vitals)}
        </p>
      ))}
      {visit.results.length > 0 && (
        <table className="visit-results">
          <caption>{t('chart.results')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.test')}</th>
              <th scope="col">{t('chart.value')}</th>
              <th scope="col">{t('chart.reference')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {visit.results.map(({ id: resultId, lab }) => (
              <tr key={resultId} className={`flag-${lab.flag}`}>
                <td>{lab.testName}</td>
                <td>
                  {lab.value} {lab.unit}
                </td>
                <td>{referenceText(lab.referenceLow, lab.referenceHigh, lab.referenceText)}</td>
                <td>{t(`chart.flag_${lab.flag}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {awaited.length > 0 && <p>{t('chart.awaitedTests', { tests: awaited.join(', ') })}</p>}
      {visit.prescriptions.map((order) => (
        <div key={order.id} className="visit-prescription">
          <strong>{t('chart.prescriptions')}</strong>
          {order.prescriptionCode && ` · ${t('chart.prescriptionCode', { code: order.prescriptionCode })}`}
          {order.status === 'cancelled' && ` ${t('chart.orderCancelled')}`}
          <ul>
            {order.drugs.map((drug) => (
              <li key={drug.code}>
                {drug.name} {drug.strength} ·{' '}
                {t('chart.medicationDose', {
                  dose: drug.dosePerTime,
                  unit: drug.doseUnit,
                  times: drug.timesPerDay,
                  days: drug.days,
                })}
                {drug.instructions && ` · ${drug.instructions}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {visit.supersededVersions.map((version, index) => (
        <SupersededVersion key={version.id} version={version} number={index + 1} check={signatures.get(version.id)} />
      ))}
    </div>
  );
}

/** Who signed a version and when, whether it holds here, and why it was amended. */
function VersionSignature({ version, check }: { version: EncounterDocument; check: SignatureCheck | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {version.signedAt && (
        <p className={`signature-line signature-${check ?? 'checking'}`} data-testid="visit-signature">
          {t('signing.signedAt', { time: displayTime(version.signedAt) })}
          {check && check !== 'unsigned' && ` · ${t(`signing.verify_${check}`)}`}
        </p>
      )}
      {version.supersedes && <p>{t('signing.amendmentOf', { reason: version.amendmentReason ?? '' })}</p>}
    </>
  );
}

/** An older version of the visit, as it was signed: readable, marked as replaced. */
function SupersededVersion({
  version,
  number,
  check,
}: {
  version: EncounterDocument;
  number: number;
  check: SignatureCheck | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="superseded-version" data-testid="superseded-version" data-version={version.id}>
      <h4 className="superseded-mark">{t('signing.supersededVersion', { number })}</h4>
      <VersionSignature version={version} check={check} />
      <dl>
        {version.examination && <Row label={t('chart.examination')} value={version.examination} />}
        {version.diagnoses.length > 0 && (
          <Row
            label={t('chart.diagnoses')}
            value={version.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.name}`).join('; ')}
          />
        )}
        {version.advice && <Row label={t('chart.advice')} value={version.advice} />}
      </dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function vitalsLine(t: TFunction, { vitals, bmi }: VisitVitals): string {
  return t('chart.vitalsLine', {
    pulse: measuredValue(vitals.pulse),
    systolic: measuredValue(vitals.systolic),
    diastolic: measuredValue(vitals.diastolic),
    temperature: measuredValue(vitals.temperature),
    respiratoryRate: measuredValue(vitals.respiratoryRate),
    spo2: measuredValue(vitals.spo2),
    weightKg: measuredValue(vitals.weightKg),
    heightCm: measuredValue(vitals.heightCm),
    bmi: measuredValue(bmi),
  });
}

/** Tests ordered in a visit (not cancelled) that no result answers yet. */
function awaitedTests(visit: TimelineVisit): string[] {
  const answered = new Set(visit.results.map((result) => `${result.orderId}/${result.lab.testCode}`));
  return visit.testOrders
    .filter((order) => order.status !== 'cancelled')
    .flatMap((order) =>
      order.tests.filter((test) => !answered.has(`${order.id}/${test.code}`)).map((test) => test.name),
    );
}
