import type { VisitSectionProps } from '../visits/visit-context';

/** Lab and imaging orders of a visit, and their results as they arrive. (Built by the orders work.) */
export function VisitOrdersSection(_props: VisitSectionProps) {
  return <section className="visit-section" data-testid="visit-orders" />;
}
