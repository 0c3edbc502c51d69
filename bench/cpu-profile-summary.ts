import { readFileSync } from 'node:fs';

/**
 * `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top] [last seconds]`: the functions
 * with the most self time in a V8 CPU profile (node --cpu-prof), and the self time summed per
 * package or source folder, so that a load run's profile can be read without DevTools. With
 * `last seconds`, only the samples of the profile's end (a load run's measured window, not the
 * server's start and the devices' catching up).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArgument, lastArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArgument ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

const sampledMs = profile.timeDeltas.reduce((sum, delta) => sum + delta / 1000, 0);
const fromMs = lastArgument === undefined ? 0 : sampledMs - Number(lastArgument) * 1000;
const selfMs = new Map<number, number>();
let atMs = 0;
profile.samples.forEach((id, index) => {
  const delta = (profile.timeDeltas[index] ?? 0) / 1000;
  atMs += delta;
  if (atMs >= fromMs) selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
});
const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  byPlace.set(place(frame), (byPlace.get(place(frame)) ?? 0) + ms);
}

const print = (title: string, entries: Map<string, number>): void => {
  console.log(`\n${title} (of ${(totalMs / 1000).toFixed(1)} s sampled)`);
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
};
print('Self time by function', byFunction);
print('Self time by package or folder', byPlace);

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const source = /\/(server|shared|bench|test)\//.exec(url);
  return source ? url.slice(source.index + 1) : url;
}

/** The npm package, Sen's source folder, node's own code, or V8's pseudo-frames. */
function place(frame: ProfileNode['callFrame']): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return frame.url;
  const short = shortUrl(frame.url);
  if (short !== frame.url && !frame.url.includes('node_modules/')) return short.split('/').slice(0, 2).join('/');
  const parts = short.split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? short);
}
