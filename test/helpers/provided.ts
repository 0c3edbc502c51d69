import { inject, type ProvidedContext } from 'vitest';

/** What a global setup provided; nothing when run outside Vitest (a script reusing the helpers). */
export function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] | undefined {
  return process.env.VITEST ? inject(key) : undefined;
}
