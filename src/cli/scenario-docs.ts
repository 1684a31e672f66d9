// `npm run docs:scenarios [-- --check]`: regenerates the reference tables in docs/scenarios.md
// from the scenario schema, between the marker comments; the prose around them is left alone.
// With --check, writes nothing and exits 1 when the docs are out of date (for CI and the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCS_FILE, updateDocs } from '../scenario/docs';

const USAGE = 'usage: npm run docs:scenarios [-- --check]';

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`scenario-docs: unknown argument ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const path = fileURLToPath(new URL(`../../${DOCS_FILE}`, import.meta.url));
  const current = readFileSync(path, 'utf8');
  const updated = updateDocs(current);
  if (!updated.ok) {
    console.error(`${DOCS_FILE}: ${updated.message}`);
    return 1;
  }
  if (updated.text === current) {
    console.log(`${DOCS_FILE}: up to date`);
    return 0;
  }
  if (check) {
    console.error(`${DOCS_FILE}: out of date; run: npm run docs:scenarios`);
    return 1;
  }
  writeFileSync(path, updated.text);
  console.log(`${DOCS_FILE}: written`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`scenario-docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
