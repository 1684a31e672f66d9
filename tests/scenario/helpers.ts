// Shared helpers for the scenario loader tests: the fixtures, and a way to break one line of
// a fixture on purpose while making sure the line still says what the test expects it to.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadScenario, type ScenarioIssue } from '../../src/scenario/load';
import type { Scenario } from '../../src/sim/types';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Replaces `from` with `to` on 1-based `line`, failing loudly if the fixture has drifted. */
export function mutate(text: string, line: number, from: string, to: string): string {
  const lines = text.split('\n');
  const current = lines[line - 1];
  if (current === undefined || !current.includes(from)) {
    throw new Error(`fixture line ${line} does not contain ${JSON.stringify(from)}: ${JSON.stringify(current)}`);
  }
  lines[line - 1] = current.replace(from, to);
  return lines.join('\n');
}

export function removeLines(text: string, first: number, last = first): string {
  return text
    .split('\n')
    .filter((_, i) => i + 1 < first || i + 1 > last)
    .join('\n');
}

export function errorsOf(text: string, file = 'test.yaml'): ScenarioIssue[] {
  const result = loadScenario(text, file);
  if (result.ok) throw new Error(`expected ${file} to fail, but it loaded`);
  return result.errors;
}

export function scenarioOf(text: string, file = 'test.yaml'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(`expected ${file} to load:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n')}`);
  return result.scenario;
}

/** Exactly one issue, at this place, whose message contains `fragment`. */
export function expectOneIssue(
  errors: ScenarioIssue[],
  expected: { line: number; column: number; path: string; message: string },
): void {
  expect(errors).toHaveLength(1);
  expectIssue(errors, expected);
}

/** Some issue at this place whose message contains `fragment`. */
export function expectIssue(
  errors: ScenarioIssue[],
  expected: { line: number; column: number; path: string; message: string },
): void {
  const found = errors.find((e) => e.line === expected.line && e.column === expected.column && e.path === expected.path);
  expect(found, `no issue at ${expected.line}:${expected.column} ${expected.path} in ${JSON.stringify(errors, null, 1)}`).toBeDefined();
  expect(found!.message).toContain(expected.message);
  expect(found!.severity).toBe('error');
}
