// `tsx src/cli/export-schema.ts [--check]`: writes scenarios/scenario.schema.json from the zod
// schema; with --check, writes nothing and exits 1 if the committed file is out of date (for CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../scenario/json-schema';

const USAGE = 'usage: tsx src/cli/export-schema.ts [--check]';

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`export-schema: unknown argument ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const path = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
  const text = scenarioJsonSchemaText();
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (check) {
    if (current === text) {
      console.log(`${SCHEMA_FILE}: up to date`);
      return 0;
    }
    console.error(`${SCHEMA_FILE}: out of date; run: npm run schema`);
    return 1;
  }
  if (current === text) {
    console.log(`${SCHEMA_FILE}: unchanged`);
    return 0;
  }
  writeFileSync(path, text);
  console.log(`${SCHEMA_FILE}: written`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`export-schema: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
