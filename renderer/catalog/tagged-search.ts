/** Results of a search, with the text they answer. */
export interface TaggedResults<T> {
  query: string;
  results: readonly T[];
}

/** Searches compare the text as typed, blanks around it aside ("para " finds what "para" does). */
function sameQuery(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/**
 * The results for the text now typed, or null while its search is pending: a search answers
 * later than the keystroke, so the last results on screen may belong to an earlier text, and
 * Enter must never pick from those. An empty text has no results and nothing to wait for.
 */
export function currentResults<T>(tagged: TaggedResults<T>, query: string): readonly T[] | null {
  if (query.trim() === '') return [];
  return sameQuery(tagged.query, query) ? tagged.results : null;
}
