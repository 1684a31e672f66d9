// Vite config for the dev server and the production build. Hosts and ports live in the npm
// scripts (dev/start/preview) so there is one place to read them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { formatIssue, loadScenario } from './src/scenario/load.ts';

const SHIPPED = 'virtual:shipped-scenarios';

/**
 * The shipped scenarios, checked by the same loader as the tools when the game is built and
 * bundled as plain data: the page plays exactly what `check-scenarios` accepts, and a trainee's
 * download carries no YAML parser (the loader is fetched only to open a scenario file).
 */
function shippedScenarios(): Plugin {
  const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
  return {
    name: 'shipped-scenarios',
    resolveId: (source) => (source === SHIPPED ? `\0${SHIPPED}` : undefined),
    load(id) {
      if (id !== `\0${SHIPPED}`) return undefined;
      const problems: string[] = [];
      const read = (folder: string, label: string) => {
        const out: unknown[] = [];
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
          this.addWatchFile(join(folder, file));
          const result = loadScenario(readFileSync(join(folder, file), 'utf8'), `${label}${file}`);
          if (result.ok) out.push(result.scenario);
          else problems.push(...result.errors.map((e) => formatIssue(e)));
        }
        return out;
      };
      const scenarios = read(dir, '');
      // Earlier versions, kept so the saves, codes and workshops made on them still verify.
      const archived = read(join(dir, 'archive'), 'archive/');
      return `export const scenarios = ${JSON.stringify(scenarios)};\nexport const archived = ${JSON.stringify(archived)};\nexport const problems = ${JSON.stringify(problems)};\n`;
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ then works from any path — a subfolder on an intranet, a USB
  // stick on a workshop laptop — not only from the site root.
  base: './',
  plugins: [shippedScenarios()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the game targets runs ES2022; transpiling further down only adds weight.
    target: 'es2022',
  },
});
