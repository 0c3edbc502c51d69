import { useEffect, useMemo, useState } from 'react';
import type { ChartDocuments } from './chart-documents';
import { localDayOf } from './chart-documents';
import type { ChartRepository } from './chart-repository';
import { buildPatientChart, type PatientChart } from './patient-chart';

/** The patient's documents, kept current as they are written here or arrive by sync. */
export function useChartDocuments(repository: ChartRepository, patientId: string): ChartDocuments | undefined {
  const [documents, setDocuments] = useState<ChartDocuments | undefined>(undefined);
  useEffect(() => {
    const subscription = repository.observe(patientId).subscribe(setDocuments);
    return () => subscription.unsubscribe();
  }, [repository, patientId]);
  return documents;
}

/** The chart derived from the documents: rebuilt only when they change. */
export function usePatientChart(documents: ChartDocuments | undefined): PatientChart | undefined {
  return useMemo(
    () => (documents ? buildPatientChart(documents, localDayOf(new Date().toISOString())) : undefined),
    [documents],
  );
}
