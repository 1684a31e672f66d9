// The scenario loader against valid, broken and hostile files. Broken-file cases pin the
// exact line, column and path of each report, since pointing at the right place is the point.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenario, MAX_ISSUES } from '../../src/scenario/load';
import { MAX_DEPTH, MAX_FILE_BYTES } from '../../src/scenario/source';
import type { Scenario } from '../../src/sim/types';
import { shippedScenarioPath } from '../support/scenarios';
import { readFileSync } from 'node:fs';
import { errorsOf, expectIssue, expectOneIssue, fixture, mutate, removeLines, scenarioOf } from './helpers';

const base = fixture('minimal.yaml');
const baseJson = fixture('minimal.json');

describe('valid scenarios', () => {
  it('loads the minimal fixture with exactly the data written in it', () => {
    expect(scenarioOf(base)).toEqual(parse(base));
  });

  it('loads the shipped two-hats.yaml', () => {
    const scenario = scenarioOf(readFileSync(shippedScenarioPath('two-hats'), 'utf8'), 'two-hats.yaml');
    expect(scenario.id).toBe('two-hats');
    expect(scenario.dispute?.product).toBe('decaf');
  });

  it('loads JSON the same as YAML, ignoring the "$schema" key editors use', () => {
    expect(scenarioOf(baseJson, 'minimal.json')).toEqual(scenarioOf(base));
  });

  it('allows a product that sells below its unit cost (a loss is a lesson, not an error)', () => {
    const decaf = scenarioOf(base).products.find((p) => p.id === 'decaf')!;
    expect(decaf.unitCost).toBeGreaterThan(decaf.price);
  });

  it('accepts YAML anchors and aliases used to share a value', () => {
    let text = mutate(base, 47, 'anchor: { min: 0.05, max: 0.2 }', 'anchor: &narrow { min: 0.05, max: 0.2 }');
    text = mutate(text, 55, 'anchor: { min: 0, max: 0.2 }', 'anchor: *narrow');
    expect(scenarioOf(text).accounts[1]!.buys[0]!.anchor).toEqual({ min: 0.05, max: 0.2 });
  });

  it('accepts the largest scenario the limits allow, in YAML and JSON', () => {
    const s = structuredClone(scenarioOf(base));
    const text = 'x'.repeat(150);
    s.products = Array.from({ length: 12 }, (_, i) => ({ ...s.products[0]!, id: `product-${i}` }));
    s.accounts = Array.from({ length: 60 }, (_, i) => ({
      ...s.accounts[0]!,
      id: `account-${i}`,
      buys: s.products.map((p) => ({ product: p.id, units: 100, anchor: { min: 0.1, max: 0.9 } })),
    }));
    s.segments = Array.from({ length: 12 }, (_, i) => ({ id: i === 0 ? 'office' : `segment-${i}`, name: 'S', demand: 1 }));
    s.events = Array.from({ length: 50 }, (_, i) => ({
      id: `event-${i}`,
      title: 'T',
      trigger: { quarter: 1 + (i % 8) },
      effects: Array.from({ length: 10 }, () => ({ type: 'news' as const, text })),
    }));
    s.dispute = { ...s.dispute!, product: 'product-0', account: 'account-0' };
    s.market.prospects = 200;
    s.objectives = Array(10).fill(text);
    s.debrief = Array(20).fill(text);
    expect(scenarioOf(stringify(s), 'max.yaml')).toEqual(s);
    expect(scenarioOf(JSON.stringify(s, null, 2), 'max.json')).toEqual(s);
  });
});

describe('structural errors', () => {
  it('wrong type', () => {
    expectOneIssue(errorsOf(mutate(base, 33, 'price: 2400', 'price: "2400"')), {
      line: 33,
      column: 12,
      path: 'products[0].price',
      message: 'expected a whole number of cents from 1 to 100,000,000,000, found the text "2400"',
    });
  });

  it('number out of range', () => {
    expectOneIssue(errorsOf(mutate(base, 10, 'quarters: 8', 'quarters: 25')), {
      line: 10,
      column: 11,
      path: 'quarters',
      message: 'expected a whole number from 4 to 20, found 25',
    });
  });

  it('fraction where a whole number is needed', () => {
    expectOneIssue(errorsOf(mutate(base, 14, 'cash: 1000000', 'cash: 10000.5')), {
      line: 14,
      column: 9,
      path: 'firm.cash',
      message: 'expected a whole number of cents',
    });
  });

  it('price of zero', () => {
    expectOneIssue(errorsOf(mutate(base, 33, 'price: 2400', 'price: 0')), {
      line: 33,
      column: 12,
      path: 'products[0].price',
      message: 'from 1 to 100,000,000,000, found 0',
    });
  });

  it('empty value', () => {
    expectOneIssue(errorsOf(mutate(base, 33, 'price: 2400', 'price:')), {
      line: 33,
      column: 11,
      path: 'products[0].price',
      message: 'found an empty value',
    });
  });

  it('missing field points at the mapping it belongs in', () => {
    expectOneIssue(errorsOf(removeLines(base, 34)), {
      line: 30,
      column: 5,
      path: 'products[0].unitCost',
      message: 'missing field "unitCost"; expected a whole number of cents from 0 to 100,000,000,000',
    });
  });

  it('unknown field points at the key, with "did you mean", and does not also report the intended field missing', () => {
    expectOneIssue(errorsOf(mutate(base, 36, 'goodwill: 0.5', 'goodwil: 0.5')), {
      line: 36,
      column: 5,
      path: 'products[0].goodwil',
      message: 'unknown field "goodwil"; did you mean "goodwill"?',
    });
  });

  it('unknown field with no close match lists the fields allowed there', () => {
    expectOneIssue(errorsOf(mutate(base, 16, 'structure: two-leads', 'structure: two-leads\n  motto: Coffee first')), {
      line: 17,
      column: 3,
      path: 'firm.motto',
      message: 'unknown field "motto"; the fields here are "name", "cash", "collaboration", "structure", "overhead"',
    });
  });

  it('a choice that is not on the list suggests the closest', () => {
    expectOneIssue(errorsOf(mutate(base, 16, 'structure: two-leads', 'structure: two-lead')), {
      line: 16,
      column: 14,
      path: 'firm.structure',
      message: 'expected one of "solo", "two-leads", "divisions", found the text "two-lead"; did you mean "two-leads"?',
    });
  });

  it('an unknown effect type suggests the closest', () => {
    expectOneIssue(errorsOf(mutate(base, 82, '{ type: dispute }', '{ type: dispte }')), {
      line: 82,
      column: 17,
      path: 'events[0].effects[0].type',
      message: 'found the text "dispte"; did you mean "dispute"?',
    });
  });

  it('an effect missing a field of its type', () => {
    expectOneIssue(errorsOf(mutate(base, 87, ', demand: 1.4', '')), {
      line: 87,
      column: 9,
      path: 'events[1].effects[0].demand',
      message: 'missing field "demand"; expected a number from 0 to 10',
    });
  });

  it('a trigger is read as the kind its key names', () => {
    expectOneIssue(errorsOf(mutate(base, 85, 'quarter: 4', 'quarter: 0')), {
      line: 85,
      column: 25,
      path: 'events[1].trigger.quarter',
      message: 'expected a whole number from 1 to 20, found 0',
    });
    expectOneIssue(errorsOf(mutate(base, 80, 'quarters: 2', 'quarters: two')), {
      line: 80,
      column: 65,
      path: 'events[0].trigger.productLossQuarters.quarters',
      message: 'expected a whole number from 1 to 20, found the text "two"',
    });
  });

  it('a misspelt trigger gets "did you mean"', () => {
    expectOneIssue(errorsOf(mutate(base, 85, 'quarter: 4', 'quartr: 4')), {
      line: 85,
      column: 16,
      path: 'events[1].trigger.quartr',
      message: 'unknown field "quartr"; did you mean "quarter"?',
    });
  });

  it('a revenue-share trigger names a known account and a share from 0 to 1', () => {
    const trigger = (body: string) => mutate(base, 80, '{ productLossQuarters: { product: decaf, quarters: 2 } }', `{ accountRevenueShare: ${body} }`);
    const loaded = loadScenario(trigger('{ account: clinic, share: 0.3 }'), 'test.yaml');
    expect(loaded.ok && loaded.scenario.events[0]!.trigger).toStrictEqual({ accountRevenueShare: { account: 'clinic', share: 0.3 } });
    expectOneIssue(errorsOf(trigger('{ account: clinik, share: 0.3 }')), {
      line: 80,
      column: 48,
      path: 'events[0].trigger.accountRevenueShare.account',
      message: 'unknown account "clinik"',
    });
    expectOneIssue(errorsOf(trigger('{ account: clinic, share: 1.5 }')), {
      line: 80,
      column: 63,
      path: 'events[0].trigger.accountRevenueShare.share',
      message: 'expected a number from 0 to 1',
    });
  });

  it('a trigger with both kinds at once', () => {
    expectOneIssue(
      errorsOf(mutate(base, 85, '{ quarter: 4 }', '{ quarter: 4, productLossQuarters: { product: decaf, quarters: 2 } }')),
      { line: 85, column: 14, path: 'events[1].trigger', message: 'not both; found "quarter", "productLossQuarters"' },
    );
  });

  it('too many accounts', () => {
    const accounts = Array.from({ length: 61 }, (_, i) => `  - { id: a${i}, name: A, key: false, relationship: 0.5, satisfaction: 0.5, buys: [{ product: blend, units: 1, anchor: { min: 0, max: 1 } }] }`);
    const text = base.replace(/^accounts:\n[\s\S]*?(?=^market:)/m, `accounts:\n${accounts.join('\n')}\n`);
    expectOneIssue(errorsOf(text), {
      line: 41,
      column: 3,
      path: 'accounts',
      message: 'expected a list of 1 to 60 accounts, found 61 items',
    });
  });

  it('a move left out is offered with its default curve; a wrong curve is still an error', () => {
    expect(scenarioOf(removeLines(base, 76)).moves.alignment).toEqual({ enabled: true, response: { a: 0.15, b: 0, c: 2, d: 4 } });
    expectOneIssue(errorsOf(mutate(base, 76, 'a: 0.15', 'a: 1.5')), {
      line: 76,
      column: 46,
      path: 'moves.alignment.response.a',
      message: 'expected a number from 0 to 1, found 1.5',
    });
  });

  it('explains the comma that splits unquoted text inside { }', () => {
    expectOneIssue(errorsOf(mutate(base, 88, '"Hospitals add night shifts, so decaf sells."', 'Hospitals add night shifts, so decaf sells.')), {
      line: 88,
      column: 57,
      path: 'events[1].effects[1]["so decaf sells."]',
      message: 'put text containing commas in quotes',
    });
  });

  it('a top level that is not a mapping', () => {
    expectOneIssue(errorsOf('- a\n- b\n'), { line: 1, column: 1, path: '', message: 'expected a mapping of fields (name: value), found a list of 2 items' });
  });

  it('reports every structural error in the file, in file order', () => {
    let text = mutate(base, 10, 'quarters: 8', 'quarters: 25');
    text = mutate(text, 16, 'structure: two-leads', 'structure: duo');
    text = mutate(text, 33, 'price: 2400', 'price: "2400"');
    text = mutate(text, 36, 'goodwill: 0.5', 'goodwil: 0.5');
    text = mutate(text, 82, '{ type: dispute }', '{ type: dispte }');
    const errors = errorsOf(text);
    expect(errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([
      '10:11 quarters',
      '16:14 firm.structure',
      '33:12 products[0].price',
      '36:5 products[0].goodwil',
      '82:17 events[0].effects[0].type',
    ]);
  });
});

describe('semantic errors', () => {
  it('duplicate id', () => {
    expectOneIssue(errorsOf(mutate(base, 49, 'id: cafe', 'id: clinic')), {
      line: 49,
      column: 9,
      path: 'accounts[1].id',
      message: 'duplicate account id "clinic"; accounts[0] already has it',
    });
  });

  it('reference to a product that does not exist, with "did you mean"', () => {
    expectOneIssue(errorsOf(mutate(base, 47, 'product: blend', 'product: blends')), {
      line: 47,
      column: 20,
      path: 'accounts[0].buys[0].product',
      message: 'unknown product "blends"; did you mean "blend"?',
    });
  });

  it('reference with no close match lists what exists', () => {
    expectOneIssue(errorsOf(mutate(base, 91, 'account: clinic', 'account: nobody')), {
      line: 91,
      column: 12,
      path: 'dispute.account',
      message: 'unknown account "nobody"; the accounts are "clinic", "cafe"',
    });
  });

  it('references from segments, triggers and effects are checked too', () => {
    const text = mutate(mutate(base, 28, 'id: night', 'id: nights'), 80, 'product: decaf', 'product: decaff');
    const errors = errorsOf(text);
    expectIssue(errors, { line: 39, column: 40, path: 'products[1].segment', message: 'unknown segment "night"; did you mean "nights"?' });
    expectIssue(errors, { line: 80, column: 48, path: 'events[0].trigger.productLossQuarters.product', message: 'unknown product "decaff"' });
    expectIssue(errors, { line: 87, column: 40, path: 'events[1].effects[0].segment', message: 'unknown segment "night"' });
    expect(errors).toHaveLength(3);
  });

  it("the dispute's account must buy the dispute's product", () => {
    expectOneIssue(errorsOf(mutate(base, 91, 'account: clinic', 'account: cafe')), {
      line: 91,
      column: 12,
      path: 'dispute.account',
      message: 'account "cafe" does not buy "decaf"',
    });
  });

  it('a dispute effect needs a dispute section', () => {
    const errors = errorsOf(removeLines(base, 89, 102));
    expectOneIssue(errors, {
      line: 82,
      column: 17,
      path: 'events[0].effects[0].type',
      message: 'a "dispute" effect needs a top-level "dispute" section',
    });
  });

  it('anchor range the wrong way round', () => {
    expectOneIssue(errorsOf(mutate(base, 48, 'min: 0.1, max: 0.9', 'min: 0.9, max: 0.1')), {
      line: 48,
      column: 54,
      path: 'accounts[0].buys[1].anchor.min',
      message: 'min (0.9) must not be above max (0.1)',
    });
  });

  it('an event after the last quarter', () => {
    expectOneIssue(errorsOf(mutate(base, 85, 'quarter: 4', 'quarter: 9')), {
      line: 85,
      column: 25,
      path: 'events[1].trigger.quarter',
      message: 'expected a quarter from 1 to 8',
    });
  });

  it('a product bought twice by one account', () => {
    const again = '\n      - { product: blend, units: 5, anchor: { min: 0, max: 0.2 } }';
    expectOneIssue(errorsOf(mutate(base, 55, '0.2 } }', `0.2 } }${again}`)), {
      line: 56,
      column: 20,
      path: 'accounts[1].buys[1].product',
      message: '"blend" is already bought in buys[0]',
    });
  });

  it('all score weights zero', () => {
    const zero = '{ profit: 0, revenue: 0, customerEquity: 0, portfolioHealth: 0, collaboration: 0 }';
    expectOneIssue(errorsOf(mutate(base, 104, '{ profit: 3, revenue: 1, customerEquity: 2, portfolioHealth: 1, collaboration: 1 }', zero)), {
      line: 104,
      column: 12,
      path: 'scoring.weights',
      message: 'at least one weight must be above 0',
    });
  });

  it('reports every semantic error at once', () => {
    let text = mutate(base, 49, 'id: cafe', 'id: clinic');
    text = mutate(text, 47, 'product: blend', 'product: blends');
    text = mutate(text, 102, 'min: 0.05, max: 0.95', 'min: 0.95, max: 0.05');
    expect(errorsOf(text).map((e) => e.path)).toEqual(['accounts[0].buys[0].product', 'accounts[1].id', 'dispute.anchor.min']);
  });
});

describe('syntax errors', () => {
  it('YAML syntax error is positioned where the mistake is: an unclosed quote where it opens', () => {
    expectOneIssue(errorsOf(mutate(base, 13, 'name: Minimal Ltd', 'name: "Minimal Ltd')), {
      line: 13,
      column: 9,
      path: '',
      message: 'YAML syntax: the text in double quotes opened here is never closed',
    });
  });

  it('an unclosed flow mapping', () => {
    const errors = errorsOf(mutate(base, 27, 'demand: 1 }', 'demand: 1'));
    expect(errors[0]).toMatchObject({ line: 28, column: 3, path: '' });
    expect(errors[0]!.message).toContain('end with a }');
  });

  it('tab indentation', () => {
    expectIssue(errorsOf(mutate(base, 13, '  name', '\tname')), { line: 13, column: 1, path: '', message: 'Tabs are not allowed as indentation' });
  });

  it('a key given twice', () => {
    expectOneIssue(errorsOf(mutate(base, 15, 'collaboration: 0.5', 'collaboration: 0.5\n  cash: 5')), {
      line: 16,
      column: 3,
      path: 'firm.cash',
      message: 'field "cash" is given twice in this mapping (first on line 14)',
    });
  });

  it('a key given twice, and the advice to keep one', () => {
    const errors = errorsOf(mutate(base, 15, 'collaboration: 0.5', 'collaboration: 0.5\n  cash: 5'));
    expect(errors.map((e) => e.message)).toEqual([
      'field "cash" is given twice in this mapping (first on line 14); keep one: which of the two counts (1,000,000 on line 14, 5 on line 16) is ambiguous',
    ]);
  });

  it('a list given twice, with the advice to merge the lists, not to keep one (which would lose events)', () => {
    const doubled = `${base}events:\n  - { id: late-news, title: Late news, trigger: { quarter: 3 }, effects: [{ type: news, text: Prices rise. }] }\n`;
    expectOneIssue(errorsOf(doubled), {
      line: 109,
      column: 1,
      path: 'events',
      message: 'field "events" is given twice in this mapping (first on line 77); merge the two lists into one',
    });
  });

  it('a second YAML document', () => {
    expectOneIssue(errorsOf(`${base}---\nid: other\n`), { line: 109, column: 1, path: '', message: 'one YAML document' });
  });

  it('an empty file', () => {
    expectOneIssue(errorsOf(''), { line: 1, column: 1, path: '', message: 'the file is empty' });
    expectOneIssue(errorsOf('# only a comment\n'), { line: 1, column: 1, path: '', message: 'the file is empty' });
  });

  it('YAML tags, known or not', () => {
    expectOneIssue(errorsOf(mutate(base, 4, 'version: 1', 'version: !!binary 1')), {
      line: 4,
      column: 19,
      path: 'version',
      message: 'YAML tag !!binary: scenario files use no tags',
    });
    expectOneIssue(errorsOf(mutate(base, 4, 'version: 1', 'version: !local 1')), { line: 4, column: 10, path: '', message: 'Unresolved tag: !local' });
  });

  it('Windows line endings and a byte order mark do not shift positions', () => {
    const text = `\uFEFF${mutate(base, 10, 'quarters: 8', 'quarters: 25').replace(/\n/g, '\r\n')}`;
    expectOneIssue(errorsOf(text), { line: 10, column: 11, path: 'quarters', message: 'found 25' });
  });

  it('YAML merge keys are refused with a reason', () => {
    const text = mutate(base, 27, '- { id: office, name: Offices, demand: 1 }', '- &seg { id: office, name: Offices, demand: 1 }');
    expectIssue(errorsOf(mutate(text, 28, '{ id: night,', '{ <<: *seg, id: night,')), {
      line: 28,
      column: 7,
      path: 'segments[1]["<<"]',
      message: 'YAML merge keys (<<) are not supported',
    });
  });

  it('JSON values are positioned like YAML ones', () => {
    expectOneIssue(errorsOf(mutate(baseJson, 11, '"quarters": 8', '"quarters": 80'), 'x.json'), {
      line: 11,
      column: 15,
      path: 'quarters',
      message: 'expected a whole number from 4 to 20, found 80',
    });
    expectOneIssue(errorsOf(mutate(baseJson, 49, '"goodwill"', '"goodwil"'), 'x.json'), {
      line: 49,
      column: 7,
      path: 'products[0].goodwil',
      message: 'did you mean "goodwill"?',
    });
  });

  it('JSON syntax follows JSON, not YAML: a trailing comma is an error', () => {
    expectOneIssue(errorsOf(mutate(baseJson, 12, '"effortBudget": 10,', '"effortBudget": 10,,'), 'x.json'), {
      line: 12,
      column: 22,
      path: '',
      message: 'JSON syntax: expected a field name in double quotes',
    });
    expectOneIssue(errorsOf("{\n  'id': 1\n}\n", 'x.JSON'), { line: 2, column: 3, path: '', message: 'single quote' });
  });

  it('the same text as .yaml is read with YAML rules', () => {
    const yamlOnly = "{ 'id': minimal }";
    expect(errorsOf(yamlOnly, 'x.yaml')[0]!.message).not.toContain('JSON syntax');
    expect(errorsOf(yamlOnly, 'x.json')[0]!.message).toContain('JSON syntax');
  });
});

describe('hostile files', () => {
  // How long these refusals take is measured by `npm run bench` (target ≤ 2 s each).
  it('billion laughs: a clear error', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
    }
    expectOneIssue(errorsOf(text), { line: 5, column: 8, path: 'e[0]', message: 'YAML aliases (*name) expand to more than 10,000 values' });
  });

  it('an alias with no anchor, and an alias inside its own anchor', () => {
    expectOneIssue(errorsOf('id: *nothing\n'), { line: 1, column: 5, path: 'id', message: 'alias *nothing has no anchor &nothing before it' });
    expectOneIssue(errorsOf('id: &me [1, *me]\n'), { line: 1, column: 13, path: 'id[1]', message: 'inside the very node it repeats' });
  });

  it('a file over 1 MiB is refused before parsing', () => {
    const text = `${base}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expectOneIssue(errorsOf(text), { line: 1, column: 1, path: '', message: 'larger than 1,048,576 bytes' });
    // Bytes, not characters: 600,000 two-byte characters are over the limit too.
    expectOneIssue(errorsOf(`# ${'é'.repeat(600_000)}\n`), { line: 1, column: 1, path: '', message: 'larger than 1,048,576 bytes' });
  });

  it('deep flow nesting is stopped at the limit, wherever the file ends', () => {
    const text = `id: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`;
    expectOneIssue(errorsOf(text), { line: 1, column: 5 + MAX_DEPTH, path: '', message: `nested more than ${MAX_DEPTH} levels deep` });
  });

  it('deep block nesting is stopped at the limit', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `${' '.repeat(i)}k:\n`;
    expectOneIssue(errorsOf(text), { line: MAX_DEPTH + 1, column: MAX_DEPTH + 1, path: '', message: `nested more than ${MAX_DEPTH} levels deep` });
  });

  it('a file of very many small values is stopped by the token limit', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('more than 100,000 YAML tokens');
  });

  it('"__proto__" is an unknown field, never a prototype', () => {
    const errors = errorsOf(`${base}__proto__: { polluted: true }\n`);
    expectOneIssue(errors, { line: 109, column: 1, path: '__proto__', message: 'unknown field "__proto__"' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a flood of errors is cut at the limit with a note', () => {
    const accounts = Array.from({ length: 60 }, () => '  - {}').join('\n');
    const text = base.replace(/^accounts:\n[\s\S]*?(?=^market:)/m, `accounts:\n${accounts}\n`);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(MAX_ISSUES + 1);
    expect(errors[MAX_ISSUES]!.message).toMatch(/^\d+ more errors not shown/);
  });

  it('never throws and never half-loads, whatever the text', () => {
    const lines = base.split('\n');
    const damaged = fc
      .tuple(fc.nat(lines.length - 1), fc.nat(200), fc.string({ maxLength: 12 }))
      .map(([line, at, insert]) => {
        const copy = [...lines];
        const l = copy[line]!;
        copy[line] = l.slice(0, at % (l.length + 1)) + insert + l.slice(at % (l.length + 1) + 1);
        return copy.join('\n');
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), damaged), fc.constantFrom('f.yaml', 'f.json'), (text, file) => {
        const result = loadScenario(text, file);
        if (result.ok) {
          expect(result.scenario.products.length).toBeGreaterThan(0);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          const lineCount = text.split('\n').length;
          for (const issue of result.errors) {
            expect(issue.file).toBe(file);
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.line).toBeLessThanOrEqual(lineCount);
            expect(issue.column).toBeGreaterThanOrEqual(1);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatIssue', () => {
  it('prints file:line:col: error: path: message, and leaves out an empty path', () => {
    const issue = { file: 'a.yaml', line: 3, column: 7, path: 'products[2].price', message: 'expected x, found y', severity: 'error' as const };
    expect(formatIssue(issue)).toBe('a.yaml:3:7: error: products[2].price: expected x, found y');
    expect(formatIssue({ ...issue, path: '' })).toBe('a.yaml:3:7: error: expected x, found y');
  });
});

// Keeps the type import honest: the loader's success value is the model's Scenario.
export type Loaded = Scenario;
