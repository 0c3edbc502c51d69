import { useEffect, useMemo, useState } from 'react';
import type { ChartDocuments } from './chart-documents';
import { localDayOf } from './chart-documents';
import type { ChartRepository } from './chart-repository';
import { buildPatientChart, type PatientChart } from './patient-chart';

/**
 * The patient's documents (and those of the records merged into them), kept current as they are
 * written here or arrive by sync.
 */
export function useChartDocuments(
  repository: ChartRepository,
  patientIds: readonly string[],
): ChartDocuments | undefined {
  const [documents, setDocuments] = useState<ChartDocuments | undefined>(undefined);
  // By value: the page builds a new list on each render.
  const key = patientIds.join('\n');
  useEffect(() => {
    const subscription = repository.observe(key.split('\n')).subscribe(setDocuments);
    return () => subscription.unsubscribe();
  }, [repository, key]);
  return documents;
}

/** The chart derived from the documents: rebuilt only when they change. */
export function usePatientChart(documents: ChartDocuments | undefined): PatientChart | undefined {
  return useMemo(
    () => (documents ? buildPatientChart(documents, localDayOf(new Date().toISOString())) : undefined),
    [documents],
  );
}
