import { describe, expect, it } from 'vitest';
import { resolveVersions } from './version-chain';

const version = (id: string, supersedes = '', signedAt = '') => ({ id, supersedes, signedAt });

describe('resolving versions', () => {
  it('shows a chain once, as its newest amendment, and keeps the original id for what named it', () => {
    const documents = [
      version('e1', '', '2026-12-01T08:00Z'),
      version('e2', 'e1', '2026-12-02T08:00Z'),
      version('e3', 'e2', '2026-12-03T08:00Z'),
      version('x1'),
    ];
    const chains = resolveVersions(documents);
    expect(chains.current.map((document) => document.id)).toEqual(['e3', 'x1']);
    expect(chains.currentOf('e1')?.id).toBe('e3');
    expect(chains.currentOf('e2')?.id).toBe('e3');
    expect(chains.originalIdOf('e3')).toBe('e1');
    expect(chains.chainOf('e2').map((document) => document.id)).toEqual(['e1', 'e2', 'e3']);
    expect(['e1', 'e2', 'e3', 'x1'].map((id) => chains.isSuperseded(id))).toEqual([true, true, false, false]);
  });

  it('puts the later of two rival amendments in force and keeps the other in the history', () => {
    const documents = [
      version('e1', '', '2026-12-01T08:00Z'),
      version('b', 'e1', '2026-12-02T09:00Z'),
      version('a', 'e1', '2026-12-02T08:00Z'),
    ];
    const chains = resolveVersions(documents);
    expect(chains.current.map((document) => document.id)).toEqual(['b']);
    expect(chains.isSuperseded('a')).toBe(true);
    expect(chains.historyOf('e1').map((document) => document.id)).toEqual(['e1', 'a', 'b']);
  });

  it('stands an amendment whose original has not arrived on its own', () => {
    const chains = resolveVersions([version('e2', 'e1')]);
    expect(chains.current.map((document) => document.id)).toEqual(['e2']);
    expect(chains.originalIdOf('e2')).toBe('e1');
    expect(chains.currentOf('e2')?.id).toBe('e2');
  });

  it('ends a chain that loops (only a forged pair could) instead of running forever', () => {
    const chains = resolveVersions([version('a', 'b', '1'), version('b', 'a', '2')]);
    expect(chains.chainOf('a').length).toBeLessThanOrEqual(2);
    expect(new Set(chains.current.map((document) => document.id)).size).toBe(chains.current.length);
  });
});
