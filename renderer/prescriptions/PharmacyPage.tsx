import type { Route } from '../app/route';

/** (Scaffold: replaced by its feature's work.) */
export function PharmacyPage(_props: { navigate: (route: Route) => void; id?: string }) {
  return <section className="page" data-testid="PharmacyPage" />;
}
