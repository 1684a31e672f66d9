// The balance report's worker thread: loads the scenario once from the text the main thread
// read, then plays each chunk of seeds it is sent and posts back the per-seed summaries. It
// runs from the same entry file as the CLI (see balance.ts), so the bundled and the tsx runs
// need no second build.
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../scenario/load';
import { playSeed, type SeedResult } from '../balance/report';

export interface WorkerInput {
  text: string;
  fileName: string;
}

export type ToWorker = { type: 'chunk'; from: number; to: number } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'results'; results: SeedResult[] } | { type: 'error'; message: string };

export function runWorker(): void {
  const port = parentPort!;
  const post = (message: FromWorker) => port.postMessage(message);
  const { text, fileName } = workerData as WorkerInput;
  const loaded = loadScenario(text, fileName);
  if (!loaded.ok) {
    post({ type: 'error', message: `${fileName} does not load in the worker` });
    return;
  }
  const scenario = loaded.scenario;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    try {
      const results: SeedResult[] = [];
      for (let seed = message.from; seed <= message.to; seed++) results.push(playSeed(scenario, seed));
      post({ type: 'results', results });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  post({ type: 'ready' });
}
