import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisOverTime, MedicationLine, Medications } from './chart-history';
import { displayDay } from './chart-format';

export function DiagnosesBlock({ diagnoses }: { diagnoses: readonly DiagnosisOverTime[] }) {
  const { t } = useTranslation();
  return (
    <section className="chart-block" aria-labelledby="chart-diagnoses-title">
      <h2 id="chart-diagnoses-title">{t('chart.diagnoses')}</h2>
      {diagnoses.length === 0 && <p className="empty">{t('chart.noDiagnoses')}</p>}
      <ul data-testid="chart-diagnoses">
        {diagnoses.map((diagnosis) => (
          <li key={diagnosis.code}>
            <strong>{diagnosis.code}</strong> {diagnosis.name} ·{' '}
            {t('chart.diagnosisSpan', {
              first: displayDay(diagnosis.firstDate),
              last: displayDay(diagnosis.lastDate),
              count: diagnosis.visits,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MedicationItem({ line }: { line: MedicationLine }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{line.name}</strong> {line.strength} ·{' '}
      {t('chart.medicationDose', {
        dose: line.dosePerTime,
        unit: line.doseUnit,
        times: line.timesPerDay,
        days: line.days,
      })}{' '}
      · {t('chart.medicationSpan', { start: displayDay(line.startDate), end: displayDay(line.endDate) })}
    </li>
  );
}

/** Past medications can run to hundreds of lines: they are drawn only when opened. */
export function MedicationsBlock({ medications }: { medications: Medications }) {
  const { t } = useTranslation();
  return (
    <section className="chart-block" aria-labelledby="chart-medications-title">
      <h2 id="chart-medications-title">{t('chart.medications')}</h2>
      <h3>{t('chart.currentMedications')}</h3>
      {medications.current.length === 0 && <p className="empty">{t('chart.noCurrentMedications')}</p>}
      <ul data-testid="current-medications">
        {medications.current.map((line) => (
          <MedicationItem key={`${line.orderId}-${line.code}`} line={line} />
        ))}
      </ul>
      {medications.past.length > 0 && <PastMedications lines={medications.past} />}
    </section>
  );
}

function PastMedications({ lines }: { lines: readonly MedicationLine[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('chart.pastMedications', { count: lines.length })}</summary>
      {open && (
        <ul data-testid="past-medications">
          {lines.map((line) => (
            <MedicationItem key={`${line.orderId}-${line.code}`} line={line} />
          ))}
        </ul>
      )}
    </details>
  );
}
