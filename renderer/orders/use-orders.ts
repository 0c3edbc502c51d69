import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { useTaggedSearch, type TaggedSearch } from '../catalog/use-tagged-search';
import { useObservable } from '../db/hooks';
import type { TestReference } from './lab-result-entry';
import type { OrderableTest, OrdersRepository, TestOrderKind } from './orders-repository';
import type { RepeatWarning } from './repeat-window';

/** A visit's lab and imaging orders, kept current as sync brings changes. */
export function useEncounterOrders(orders: OrdersRepository, encounterId: string): OrderDocument[] | undefined {
  const orders$ = useMemo(() => orders.ofEncounter$(encounterId), [orders, encounterId]);
  return useObservable<OrderDocument[] | undefined>(orders$, undefined);
}

/** The open orders of a kind, oldest first, live. */
export function useWorklist(orders: OrdersRepository, kind: TestOrderKind): OrderDocument[] | undefined {
  const worklist$ = useMemo(() => orders.worklist$(kind), [orders, kind]);
  return useObservable<OrderDocument[] | undefined>(worklist$, undefined);
}

/** An order's results as they arrive. */
export function useOrderResults(orders: OrdersRepository, orderId: string): ObservationDocument[] {
  const results$ = useMemo(() => orders.resultsOfOrder$(orderId), [orders, orderId]);
  return useObservable<ObservationDocument[]>(results$, []);
}

const SEARCH_DELAY_MS = 150;

/** Lab tests and imaging studies as the doctor types, each answer tagged with its text. */
export function useTestSearch(orders: OrdersRepository, text: string): TaggedSearch<OrderableTest> {
  const searchTests = useCallback((query: string) => orders.searchTests(query), [orders]);
  return useTaggedSearch(text, searchTests, SEARCH_DELAY_MS);
}

/** Earlier results and open orders of the chosen tests, checked again whenever the choice changes. */
export function useRepeats(orders: OrdersRepository, patientId: string, chosen: OrderableTest[]): RepeatWarning[] {
  const [repeats, setRepeats] = useState<RepeatWarning[]>([]);
  useEffect(() => {
    let current = true;
    void orders.repeatsOf(patientId, chosen).then((found) => {
      if (current) setRepeats(found);
    });
    return () => {
      current = false;
    };
  }, [orders, patientId, chosen]);
  return repeats;
}

/** What entering an order's results needs: each test's unit, range and normal answer; live. */
export function useTestReferences(orders: OrdersRepository, orderId: string): TestReference[] | undefined {
  const references$ = useMemo(() => orders.testReferences$(orderId), [orders, orderId]);
  return useObservable<TestReference[] | undefined>(references$, undefined);
}
