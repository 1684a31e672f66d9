// Global setup of the browser project: builds the production bundle once, serves dist/ on a free
// port of 127.0.0.1 for every browser test file, and stops the server afterwards. The tests
// check what players get (`npm run build`), not the dev server's on-the-fly modules.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { requireChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served production build, ending in a slash. */
    browserBaseUrl: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `vite build` in a child process. Not Vite's JS API in this process: Vitest sets
 * NODE_ENV=test here, and Vite would honour it and make a non-production build.
 */
function buildProduction(): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium(); // before the build: a missing browser should fail in a second, not after it
  await buildProduction();
  // Vite's own preview server, in this process: the same server `npm run preview` runs, and
  // nothing left behind to kill. Port 0 picks a free port, so a running `npm start` is no bother.
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report the address it listens on');
  }
  project.provide('browserBaseUrl', url);
  return () => server.close();
}
