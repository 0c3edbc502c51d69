import { describe, expect, it } from 'vitest';
import { currentResults } from './tagged-search';

describe('the results Enter may pick from', () => {
  it('are those of the text now typed, never those of an earlier text still on screen', () => {
    const paracetamol = { query: 'para', results: ['Paracetamol 500mg'] };
    expect(currentResults(paracetamol, 'para')).toEqual(['Paracetamol 500mg']);
    expect(currentResults(paracetamol, 'para ')).toEqual(['Paracetamol 500mg']);
    // "paraf" typed, its search not answered yet: nothing to pick (wait), not the old list.
    expect(currentResults(paracetamol, 'paraf')).toBeNull();
    expect(currentResults({ query: 'paraf', results: [] }, 'paraf')).toEqual([]);
  });

  it('are empty for an empty text, with nothing to wait for', () => {
    expect(currentResults({ query: 'para', results: ['Paracetamol 500mg'] }, '  ')).toEqual([]);
  });
});
