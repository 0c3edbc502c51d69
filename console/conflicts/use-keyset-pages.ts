import { useCallback, useEffect, useState } from 'react';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface KeysetPages<T> {
  /** The page shown: null until the first answer for this list (the previous page stays while the next loads) */
  page: KeysetPage<T> | null;
  loading: boolean;
  error: unknown;
  /** 1 for the first page */
  pageNumber: number;
  next: () => void;
  previous: () => void;
  /** Asks the server for the page shown again (after a change elsewhere) */
  reload: () => void;
}

interface Answer<T> {
  request: string;
  listKey: string;
  page: KeysetPage<T> | null;
  error: unknown;
}

/**
 * A list paged on the server with keyset cursors: the cursors of the pages seen are kept, so
 * "previous" asks for the page again rather than keeping it in memory. A new `listKey` (another
 * filter) starts over at the first page; `load` answers for one cursor.
 */
export function useKeysetPages<T>(
  listKey: string,
  load: (cursor: string | null) => Promise<KeysetPage<T>>,
): KeysetPages<T> {
  // The cursors belong to one list: another key reads as the first page of the new list.
  const [stack, setStack] = useState<{ listKey: string; cursors: (string | null)[] }>({ listKey, cursors: [null] });
  const cursors = stack.listKey === listKey ? stack.cursors : [null];
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  const cursor = cursors.at(-1) ?? null;
  const request = JSON.stringify([listKey, cursor, version]);
  useEffect(() => {
    let live = true;
    load(cursor).then(
      (page) => {
        if (live) setAnswer({ request, listKey, page, error: null });
      },
      (error: unknown) => {
        if (live) setAnswer({ request, listKey, page: null, error });
      },
    );
    return () => {
      live = false;
    };
    // `load` follows `listKey`: a new filter is a new key, and `request` names the rest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const sameList = answer?.listKey === listKey;
  const page = sameList ? answer.page : null;
  const next = () => {
    const following = page?.nextCursor;
    if (following) setStack({ listKey, cursors: [...cursors, following] });
  };
  const previous = () => {
    if (cursors.length > 1) setStack({ listKey, cursors: cursors.slice(0, -1) });
  };
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return {
    page,
    loading: answer?.request !== request,
    error: sameList && answer.request === request ? answer.error : null,
    pageNumber: cursors.length,
    next,
    previous,
    reload,
  };
}
