// A benchmark hook for scenario loading (target: two-hats.yaml in ≤ 20 ms, warm): a plain
// function a bench runner calls, so no unit test depends on the speed of the machine.
import { loadScenario } from './load';

export interface LoadTiming {
  /** Median milliseconds per load after the warm-up. */
  medianMs: number;
  /** Fastest and slowest single load, in milliseconds. */
  minMs: number;
  maxMs: number;
  runs: number;
}

/** Loads `text` `warmup` times untimed, then `runs` times timed; throws if the text does not load. */
export function benchLoadScenario(text: string, fileName: string, runs = 50, warmup = 20): LoadTiming {
  const check = loadScenario(text, fileName);
  if (!check.ok) throw new Error(`${fileName} does not load: ${check.errors[0]?.message ?? 'unknown error'}`);
  for (let i = 0; i < warmup; i++) loadScenario(text, fileName);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    loadScenario(text, fileName);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times[times.length - 1]!, runs };
}
