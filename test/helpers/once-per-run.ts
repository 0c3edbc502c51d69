/**
 * Vitest runs a global setup once for every project that lists it, all in its own process.
 * What a setup makes for the whole run (a migrated database, a bundle) is made by the first
 * project that asks, shared with the others, and removed when the last of them is done.
 */
export async function oncePerRun<T>(
  key: string,
  make: () => Promise<{ value: T; remove: () => Promise<void> }>,
): Promise<{ value: T; release: () => Promise<void> }> {
  const slot = Symbol.for(`sen.once-per-run.${key}`);
  const registry = globalThis as unknown as Record<symbol, Shared<T> | undefined>;
  const shared = (registry[slot] ??= { made: make(), users: 0 });
  shared.users += 1;
  try {
    const { value } = await shared.made;
    return { value, release: () => release(registry, slot, shared) };
  } catch (error) {
    // A failed setup is not kept: the next run (in watch mode) tries again.
    shared.users -= 1;
    if (registry[slot] === shared) registry[slot] = undefined;
    throw error;
  }
}

interface Shared<T> {
  made: Promise<{ value: T; remove: () => Promise<void> }>;
  users: number;
}

async function release<T>(registry: Record<symbol, Shared<T> | undefined>, slot: symbol, shared: Shared<T>) {
  shared.users -= 1;
  if (shared.users > 0) return;
  if (registry[slot] === shared) registry[slot] = undefined;
  await (await shared.made).remove();
}
