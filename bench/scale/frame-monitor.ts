/**
 * Watches the page's main thread while something runs: the gaps between animation frames (a
 * requestAnimationFrame loop: a gap is a frame the user waited for), and, where Chromium has
 * them, `long-animation-frame` entries (with the scripts they ran, for finding the cause) and
 * `longtask` entries. Durations in milliseconds.
 */
export interface FrameReport {
  frames: number;
  longestFrameMs: number;
  framesOver100Ms: number;
  longestTaskMs: number;
  tasksOver100Ms: number;
  longAnimationFramesSupported: boolean;
  longestAnimationFrameMs: number;
  animationFramesOver100Ms: number;
  /** The scripts of the longest animation frames, longest first: what held the thread. */
  longestScripts: string[];
}

const LONG_MS = 100;

interface ScriptTiming {
  duration: number;
  invoker?: string;
  sourceFunctionName?: string;
  sourceURL?: string;
  sourceCharPosition?: number;
}

export function watchFrames(): { stop: () => FrameReport } {
  let frames = 0;
  let longestFrame = 0;
  let framesOver = 0;
  let last = performance.now();
  let running = true;
  const tick = (now: number): void => {
    if (!running) return;
    const gap = now - last;
    last = now;
    frames++;
    longestFrame = Math.max(longestFrame, gap);
    if (gap > LONG_MS) framesOver++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });

  let longestTask = 0;
  let tasksOver = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longestTask = Math.max(longestTask, entry.duration);
      if (entry.duration > LONG_MS) tasksOver++;
    }
  });
  tasks.observe({ type: 'longtask' });

  const loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  let longestLoaf = 0;
  let loafsOver = 0;
  const scripts: { duration: number; what: string }[] = [];
  const loafs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longestLoaf = Math.max(longestLoaf, entry.duration);
      if (entry.duration <= LONG_MS) continue;
      loafsOver++;
      for (const script of (entry as PerformanceEntry & { scripts?: ScriptTiming[] }).scripts ?? []) {
        const where = `${script.sourceURL?.split('/').pop() ?? ''}:${String(script.sourceCharPosition ?? '')}`;
        scripts.push({
          duration: script.duration,
          what: `${script.duration.toFixed(0)} ms ${script.invoker ?? ''} ${script.sourceFunctionName ?? ''} ${where}`,
        });
      }
    }
  });
  if (loafSupported) loafs.observe({ type: 'long-animation-frame' });

  return {
    stop: () => {
      running = false;
      tasks.disconnect();
      loafs.disconnect();
      return {
        frames,
        longestFrameMs: longestFrame,
        framesOver100Ms: framesOver,
        longestTaskMs: longestTask,
        tasksOver100Ms: tasksOver,
        longAnimationFramesSupported: loafSupported,
        longestAnimationFrameMs: longestLoaf,
        animationFramesOver100Ms: loafsOver,
        longestScripts: scripts
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 8)
          .map((script) => script.what),
      };
    },
  };
}
