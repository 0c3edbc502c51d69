import { useCallback, useEffect, useRef, useState } from 'react';
import { currentResults, type TaggedResults } from './tagged-search';

export interface TaggedSearch<T> {
  /** What the list shows: the latest results that arrived (perhaps of an earlier text). */
  shown: readonly T[];
  /** The results of the text now typed, or null while its search is pending. */
  current: readonly T[] | null;
  /**
   * Runs `act` on the results of the text now typed: at once when they are there, else when
   * they arrive (Enter pressed while the search runs waits for it). Typing again cancels it.
   */
  whenCurrent: (act: (results: readonly T[]) => void) => void;
}

/**
 * A search as a clinician types: each answer tagged with the text it answers, so that what is
 * picked always belongs to the text in the box (tagged-search.ts).
 */
export function useTaggedSearch<T>(
  query: string,
  search: (query: string) => Promise<readonly T[]>,
  delayMs = 0,
): TaggedSearch<T> {
  const [tagged, setTagged] = useState<TaggedResults<T>>({ query: '', results: [] });
  const waiting = useRef<((results: readonly T[]) => void) | null>(null);

  useEffect(() => {
    // A new text: an Enter pressed for the previous one is forgotten.
    waiting.current = null;
    if (query.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void search(query).then((results) => {
        if (live) setTagged({ query, results });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search, delayMs]);

  const current = currentResults(tagged, query);
  useEffect(() => {
    const act = waiting.current;
    if (!act || current === null) return;
    waiting.current = null;
    act(current);
  }, [current]);

  const whenCurrent = useCallback(
    (act: (results: readonly T[]) => void) => {
      if (current !== null) act(current);
      else waiting.current = act;
    },
    [current],
  );
  return { shown: query.trim() === '' ? [] : tagged.results, current, whenCurrent };
}
