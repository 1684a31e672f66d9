// Money as instructors write it (currency units with cents as decimals, named by `currency`)
// beside the first form (whole cents), and the moves' defaults: each form loads to exactly the
// scenario the other does, with the same content hash, so replays and codes keep verifying.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertToUnits, unitsText } from '../../src/cli/money-units';
import { scenarioHash } from '../../src/replay/replay';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { MONEY_FIELDS } from '../../src/scenario/money';
import { MOVE_DEFAULTS } from '../../src/scenario/move-defaults';
import { MONEY_TITLE } from '../../src/scenario/schema';
import { MOVE_KINDS } from '../../src/sim/index';
import { shippedScenarioPath } from '../support/scenarios';
import { errorsOf, expectOneIssue, fixture, mutate, scenarioOf } from './helpers';

const base = fixture('minimal.yaml');

/** The minimal fixture in currency units, through the converter instructors use. */
function inUnits(text: string, currency?: string): string {
  const converted = convertToUnits(text, 'test.yaml', currency);
  if (!converted.ok) throw new Error(converted.message);
  return converted.text;
}

describe('money in currency units', () => {
  it('the table of money fields lists every money field of the schema, and nothing else', () => {
    const found: string[] = [];
    const walk = (node: Record<string, any>, path: string[], when?: string): void => {
      if (node.title === MONEY_TITLE) found.push([...path, when ? `(type ${when})` : ''].join('.'));
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, any>)) walk(child, [...path, key], when);
      if (node.items) {
        const branches = (node.items.oneOf ?? node.items.anyOf) as Record<string, any>[] | undefined;
        if (branches) for (const branch of branches) walk(branch, [...path, '*'], branch.properties?.type?.const);
        else walk(node.items, [...path, '*'], when);
      }
    };
    walk(scenarioJsonSchema(), []);
    const table = MONEY_FIELDS.map((f) => [...f.path, f.when ? `(type ${f.when.value})` : ''].join('.'));
    expect(found.sort()).toEqual(table.sort());
  });

  it('loads to the same scenario, with the same content hash, as the file in cents', () => {
    const cents = scenarioOf(base);
    const units = inUnits(base);
    expect(units).toMatch(/^currency: USD$/m);
    expect(scenarioOf(units)).toEqual(cents);
    expect(scenarioHash(scenarioOf(units))).toBe(scenarioHash(cents));
  });

  it('converts exactly: 18.50, 0.29 and 1,234,567.89 become 1850, 29 and 123456789 cents', () => {
    const units = inUnits(base);
    const priced = units.replace(/price: [\d.]+/, 'price: 18.50').replace(/unitCost: [\d.]+/, 'unitCost: 0.29').replace(/cash: [\d.-]+/, 'cash: 1234567.89');
    const scenario = scenarioOf(priced);
    expect(scenario.products[0]!.price).toBe(1850);
    expect(scenario.products[0]!.unitCost).toBe(29);
    expect(scenario.firm.cash).toBe(123456789);
    for (const cents of [1, 29, 1850, 100, -250, 123456789, 10000000000]) expect(Math.round(Number(unitsText(cents)) * 100)).toBe(cents);
  });

  it('converts a cash event’s change, and leaves a collaboration change alone', () => {
    const units = inUnits(base).replace(
      /^events:\n/m,
      'events:\n  - { id: grant, title: A grant, trigger: { quarter: 2 }, effects: [{ type: cash, change: -2500.50 }, { type: collaboration, change: 0.05 }] }\n',
    );
    const event = scenarioOf(units).events.find((e) => e.id === 'grant')!;
    expect(event.effects).toEqual([
      { type: 'cash', change: -250050 },
      { type: 'collaboration', change: 0.05 },
    ]);
  });

  it('refuses fractions of a cent, with line and column', () => {
    const units = inUnits(base);
    const line = units.split('\n').findIndex((l) => /price: /.test(l)) + 1;
    const text = units.replace(/price: ([\d.]+)/, 'price: 18.505');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, path: 'products[0].price' });
    expect(errors[0]!.message).toBe('18.505 has fractions of a cent: write at most two decimals');
  });

  it('in the cents form, a decimal amount says how to write currency units', () => {
    const line = base.split('\n').findIndex((l) => /price: /.test(l)) + 1;
    const before = base.split('\n')[line - 1]!.match(/price: (\d+)/)![1]!;
    const errors = errorsOf(mutate(base, line, `price: ${before}`, 'price: 18.50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, path: 'products[0].price' });
    expect(errors[0]!.message).toContain('expected a whole number of cents from 1 to 100,000,000,000, found 18.5');
    expect(errors[0]!.message).toContain('"currency: USD" at the top');
  });

  it('in units, the range is said in units: a price of 0 and cash beyond a billion', () => {
    const units = inUnits(base).replace(/price: [\d.]+/, 'price: 0').replace(/cash: [\d.-]+/, 'cash: 2000000000');
    const errors = errorsOf(units);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['firm.cash', 'expected an amount in USD with at most two decimals (cents), from -1,000,000,000 to 1,000,000,000, found 2,000,000,000'],
      ['products[0].price', 'expected an amount in USD with at most two decimals (cents), above 0 to 1,000,000,000, found 0'],
    ]);
  });

  it('keeps a currency other than the default in the scenario, and rejects a malformed code', () => {
    const euros = scenarioOf(inUnits(base, 'EUR'));
    expect(euros.currency).toBe('EUR');
    expect(scenarioHash(euros)).not.toBe(scenarioHash(scenarioOf(base)));
    const lowercase = inUnits(base).replace('currency: USD', 'currency: usd');
    expectOneIssue(errorsOf(lowercase), {
      line: lowercase.split('\n').indexOf('currency: usd') + 1,
      column: 11,
      path: 'currency',
      message: 'expected a currency code: three capital letters (ISO 4217), such as USD, EUR or GBP, found the text "usd"',
    });
  });

  it.each(['two-hats', 'divisions', 'solo-founder'])('the shipped %s is written in currency units and hashes as its cents form did', (id) => {
    const text = readFileSync(shippedScenarioPath(id), 'utf8');
    expect(text).toMatch(/^currency: USD$/m);
    // Back to cents, by the same table the loader reads: the same scenario.
    const scenario = scenarioOf(text, `${id}.yaml`);
    expect(scenario.currency).toBeUndefined();
    expect(scenarioOf(inUnits(centsText(text)), `${id}.yaml`)).toEqual(scenario);
  });
});

/** A units file back in whole cents (the first form): every amount × 100, the currency line gone. */
function centsText(text: string): string {
  return text
    .replace(/^currency: USD\n/m, '')
    .replace(/\b(price|unitCost|fixedCost|cash|overhead): (-?[\d.]+)/g, (_, key: string, value: string) => `${key}: ${Math.round(Number(value) * 100)}`)
    .replace(/^(\s*targets: .*)$/m, (line: string) => line.replace(/: (\d[\d.]*)/g, (_, value: string) => `: ${Math.round(Number(value) * 100)}`))
    .replace(/(type: cash, change: )(-?[\d.]+)/g, (_, head: string, value: string) => `${head}${Math.round(Number(value) * 100)}`);
}

function curveText(kind: (typeof MOVE_KINDS)[number]): string {
  const { a, b, c, d } = MOVE_DEFAULTS[kind].response;
  return `{ a: ${a}, b: ${b}, c: ${c}, d: ${d} }`;
}

describe('moves with defaults', () => {
  const withoutMoves = base.replace(/^moves:\n(?:  .*\n)+/m, '');

  it('a file without moves offers every move with its default curve', () => {
    expect(withoutMoves).not.toMatch(/^moves:/m);
    const scenario = scenarioOf(withoutMoves);
    for (const kind of MOVE_KINDS) expect(scenario.moves[kind]).toEqual({ enabled: true, response: MOVE_DEFAULTS[kind].response });
  });

  it('a move written as just "enabled: false" keeps its default curve', () => {
    const text = withoutMoves.replace(/^events:/m, 'moves:\n  brand: { enabled: false }\nevents:');
    expect(scenarioOf(text).moves.brand).toEqual({ enabled: false, response: MOVE_DEFAULTS.brand.response });
  });

  it('writing the defaults out or leaving them out gives the same content hash', () => {
    const written = withoutMoves.replace(
      /^events:/m,
      `moves:\n${MOVE_KINDS.map((kind) => `  ${kind}: { enabled: true, response: ${curveText(kind)} }`).join('\n')}\nevents:`,
    );
    expect(scenarioHash(scenarioOf(written))).toBe(scenarioHash(scenarioOf(withoutMoves)));
  });

  it('the defaults are the flagship scenario Two Hats’ curves', () => {
    const twoHats = scenarioOf(readFileSync(shippedScenarioPath('two-hats'), 'utf8'), 'two-hats.yaml');
    for (const kind of MOVE_KINDS) expect(MOVE_DEFAULTS[kind].response).toEqual(twoHats.moves[kind].response);
  });
});
