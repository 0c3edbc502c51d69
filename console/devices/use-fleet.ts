import { useEffect, useState } from 'react';
import type { AdminClient } from '../api/admin-client';
import { fetchFleetPage, type FleetDevice, type FleetPage } from './fleet-api';
import type { FleetFilters } from './fleet-route';
import { fetchFleetSummary, type FleetSummary } from './fleet-summary';

/** Rows on one page: 50 fit a screen or two and cost the server the same at 2,000 PCs. */
export const FLEET_PAGE_SIZE = 50;

export interface FleetPaging {
  page: FleetPage | null;
  /** The refusal, for `fleetErrorMessage` at render (so that a change of language needs no request) */
  error: unknown;
  /** 1-based page number */
  number: number;
  next: (() => void) | null;
  previous: (() => void) | null;
  /** Puts a changed PC (a revocation) in place without fetching the page again. */
  replace: (device: FleetDevice) => void;
}

/**
 * One page of the fleet at a time, following the API's cursor forwards and the cursors already
 * seen backwards; a change of filters starts again from the first page.
 */
export function useFleetPage(client: AdminClient, filters: FleetFilters): FleetPaging {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [shownFor, setShownFor] = useState(filters);
  if (shownFor !== filters) {
    // New filters: back to page one (during render, so no request for the old page goes out).
    setShownFor(filters);
    setCursors([null]);
  }
  const cursor = cursors.at(-1) ?? null;
  const { facility, state, sort } = filters;
  // What came back, and for which request: an answer to an older request is never shown.
  const requestKey = JSON.stringify([facility, state, sort, cursor]);
  const [answer, setAnswer] = useState<{ key: string; page: FleetPage | null; error: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    fetchFleetPage(client, { facility, state, sort, cursor, limit: FLEET_PAGE_SIZE }).then(
      (page) => {
        if (live) setAnswer({ key: requestKey, page, error: null });
      },
      (failure: unknown) => {
        if (live) setAnswer({ key: requestKey, page: null, error: failure ?? 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [client, facility, state, sort, cursor, requestKey]);

  const current = answer?.key === requestKey ? answer : null;
  const page = current?.page ?? null;
  const nextCursor = page?.nextCursor ?? null;
  return {
    page,
    error: current?.error ?? null,
    number: cursors.length,
    next: nextCursor ? () => setCursors((stack) => [...stack, nextCursor]) : null,
    previous: cursors.length > 1 ? () => setCursors((stack) => stack.slice(0, -1)) : null,
    replace: (device) =>
      setAnswer((shown) =>
        shown?.page
          ? {
              ...shown,
              page: {
                ...shown.page,
                devices: shown.page.devices.map((each) => (each.id === device.id ? device : each)),
              },
            }
          : shown,
      ),
  };
}

/**
 * The counts per state and version of the PCs the filter on facility selects (not the state
 * filter). It starts only once `start` (the first rows are shown): four requests of 500 rows
 * must not delay the page of 50 the admin is waiting for.
 */
export function useFleetSummary(
  client: AdminClient,
  facility: string | null,
  version: number,
  start: boolean,
): { summary: FleetSummary | null; error: unknown } {
  const [counted, setCounted] = useState<{
    facility: string | null;
    summary: FleetSummary | null;
    error: unknown;
  } | null>(null);
  useEffect(() => {
    if (!start) return;
    let live = true;
    fetchFleetSummary(client, facility).then(
      (summary) => {
        if (live) setCounted({ facility, summary, error: null });
      },
      (failure: unknown) => {
        if (live) setCounted({ facility, summary: null, error: failure ?? 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [client, facility, version, start]);
  // While a revocation is recounted the previous counts stay; another facility's never show.
  const current = counted?.facility === facility ? counted : null;
  return { summary: current?.summary ?? null, error: current?.error ?? null };
}
