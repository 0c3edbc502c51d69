import type { VisitSectionProps } from '../visits/visit-context';

/** The prescription of a visit. (Built by the prescriptions work.) */
export function VisitPrescriptionSection(_props: VisitSectionProps) {
  return <section className="visit-section" data-testid="visit-prescription" />;
}
