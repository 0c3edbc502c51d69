/** The parts of a CDP `Profiler.Profile` that the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Total {
  name: string;
  ms: number;
}

/**
 * The phase a module belongs to, by its path in the unminified, one-file-per-module bench build.
 * Order matters: the first match wins.
 */
const PHASES: [string, RegExp][] = [
  ['sealing (Sen: seal/open, transform)', /renderer\/db\/(sealed-storage|document-cipher|transformed-storage)/],
  ['RxDB replication plugin (meta, fork, checkpoints)', /rxdb\/.*(replication-protocol|plugins\/replication)/],
  ['Dexie storage (RxDB adapter + Dexie)', /(rxdb\/.*storage-dexie|node_modules\/dexie)/],
  ['Sen sync client and transport', /renderer\/sync\//],
  ['Sen database and signatures', /(renderer\/db\/|shared\/)/],
  ['RxDB core (collections, docs, queries, events)', /rxdb\//],
  ['RxJS', /rxjs/],
];

function phaseOfUrl(url: string): string | undefined {
  return PHASES.find(([, pattern]) => pattern.test(url))?.[0];
}

/** A short module name from its URL: the path after the host, without the assets prefix. */
function moduleOf(url: string): string {
  if (!url) return '(native)';
  return url.replace(/^https?:\/\/[^/]+\//, '').replace(/^assets\//, '');
}

/**
 * Self time by phase, module and function, and time by phase anywhere in the stack. A sample in
 * a native function (no URL) counts for the phase of the nearest caller that has one; JSON and
 * the engine's own states (idle: waiting on the network, IndexedDB or WebCrypto's threads;
 * garbage collection; "program", native work outside JavaScript) are phases of their own.
 */
export function summariseProfile(profile: CpuProfile): {
  totalMs: number;
  byPhase: Total[];
  byPhaseInclusive: Total[];
  byModule: Total[];
  byFunction: Total[];
} {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const phase = new Map<string, number>();
  const phaseInclusive = new Map<string, number>();
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, ms: number): void => {
    totals.set(key, (totals.get(key) ?? 0) + ms);
  };
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const node = nodes.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    add(functions, `${functionName || '(anonymous)'} ${moduleOf(url)}:${String(lineNumber + 1)}`, ms);
    add(modules, moduleOf(url), ms);
    const seen = new Set<string>();
    let ancestorPhase: string | undefined;
    for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const frame = nodes.get(current)?.callFrame;
      const framePhase = frame?.url ? phaseOfUrl(frame.url) : undefined;
      if (framePhase) {
        ancestorPhase ??= framePhase;
        seen.add(framePhase);
      }
    }
    for (const name of seen) add(phaseInclusive, name, ms);
    add(phase, selfPhase(functionName, url) ?? ancestorPhase ?? 'other JavaScript', ms);
  });
  const sorted = (totals: Map<string, number>): Total[] =>
    [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return {
    totalMs,
    byPhase: sorted(phase),
    byPhaseInclusive: sorted(phaseInclusive),
    byModule: sorted(modules),
    byFunction: sorted(functions),
  };
}

function selfPhase(functionName: string, url: string): string | undefined {
  if (functionName === '(idle)') return 'idle (waiting: network, IndexedDB, WebCrypto threads)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'native, outside JavaScript (program)';
  if (!url && ['parse', 'stringify', 'json'].includes(functionName)) return 'JSON';
  if (url) return phaseOfUrl(url);
  return undefined;
}
