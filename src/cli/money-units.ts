// `npm run scenario:units -- FILE [--currency USD] [--check]`: rewrites a scenario file written
// in whole cents (the first form) into currency units with cents as decimals, adding the
// `currency` line that says so. Only the money values change, in place: comments, layout and
// every other character stay as written. The result must load to the very same scenario
// (the same content hash, so every replay and result code of the file still verifies), or
// nothing is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument } from 'yaml';
import { scenarioHash } from '../replay/replay';
import { formatIssue, loadScenario } from '../scenario/load';
import { CURRENCY_PATTERN, DEFAULT_CURRENCY, moneyFormOf, moneyValues } from '../scenario/money';

const USAGE = 'usage: npm run scenario:units -- FILE [--currency CODE] [--check]';

/** Cents as the file writes units: whole amounts without decimals, others with two. */
export function unitsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}

export type Converted = { ok: true; text: string; changed: number } | { ok: false; message: string };

export function convertToUnits(text: string, fileName: string, currency = DEFAULT_CURRENCY): Converted {
  if (!CURRENCY_PATTERN.test(currency)) return { ok: false, message: `--currency: expected three capital letters (ISO 4217), found ${currency}` };
  const before = loadScenario(text, fileName);
  if (!before.ok) return { ok: false, message: `the file does not load as it is:\n${before.errors.map(formatIssue).join('\n')}` };
  const doc = parseDocument(text, { keepSourceTokens: true });
  const data: unknown = doc.toJS();
  if (moneyFormOf(data) === 'units') return { ok: false, message: 'the file already sets its currency: its money is in currency units' };
  const edits: { start: number; end: number; text: string }[] = [];
  for (const { path, value } of moneyValues(data)) {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || typeof value !== 'number' || !node.range) return { ok: false, message: `cannot find the value of ${path.join('.')} in the text` };
    edits.push({ start: node.range[0], end: node.range[1], text: unitsText(value) });
  }
  // The currency line goes after the version field, indented as it is.
  const root = doc.contents;
  const versionPair = isMap(root) ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'version') : undefined;
  if (!versionPair || !isScalar(versionPair.value) || !versionPair.value.range || !isScalar(versionPair.key) || !versionPair.key.range) {
    return { ok: false, message: 'cannot find the version field to put the currency line after' };
  }
  const json = /\.json$/i.test(fileName);
  const lineStart = text.lastIndexOf('\n', versionPair.key.range[0]) + 1;
  const indent = text.slice(lineStart, versionPair.key.range[0]);
  const afterVersion = versionPair.value.range[1];
  edits.push({
    start: afterVersion,
    end: afterVersion,
    text: json ? `,\n${indent}"currency": "${currency}"` : `\n${indent}currency: ${currency}`,
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const after = loadScenario(out, fileName);
  if (!after.ok) return { ok: false, message: `the converted file would not load:\n${after.errors.map(formatIssue).join('\n')}` };
  if (currency === DEFAULT_CURRENCY && scenarioHash(after.scenario) !== scenarioHash(before.scenario)) {
    return { ok: false, message: 'the converted file would load to another scenario; nothing written' };
  }
  return { ok: true, text: out, changed: edits.length - 1 };
}

function main(argv: string[]): number {
  const files: string[] = [];
  let currency = DEFAULT_CURRENCY;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--currency') currency = argv[++i] ?? '';
    else if (arg === '--check') check = true;
    else if (arg.startsWith('-')) {
      console.error(`scenario:units: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const result = convertToUnits(text, file, currency);
  if (!result.ok) {
    console.error(`${file}: ${result.message}`);
    return 1;
  }
  if (!check) writeFileSync(file, result.text);
  console.log(`${file}: ${result.changed} amounts ${check ? 'would be' : ''} written in ${currency} units`.replace('  ', ' '));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
