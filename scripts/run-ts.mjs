// Runs a TypeScript entry point after bundling it with esbuild, without the name-keeping
// wrappers tsx adds: benchmarks then measure the code as a production build runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args...]');
  process.exit(2);
}
const outdir = join('node_modules', '.cache', 'run-ts');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
