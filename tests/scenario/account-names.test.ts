// The names the player reads for won accounts (src/scenario/account-names.ts): the scenario's
// pool for the account's segment first, then the default pool, then numbered names; the same
// every time, never one name twice in a game; and the file's new field, segments[].accountNames,
// checked with line and column like every other field. A file without it loads as before.
import { describe, expect, it } from 'vitest';
import { checkMeaning } from '../../src/balance/meaning';
import { DEFAULT_ACCOUNT_NAMES, accountName, accountNames } from '../../src/scenario/account-names';
import { createGame, type AccountState, type GameState, type Scenario } from '../../src/sim/index';
import { scenarioHash } from '../../src/replay/replay';
import { loadArchived, loadShipped } from '../support/scenarios';
import { errorsOf, expectOneIssue, fixture, mutate, scenarioOf } from './helpers';

const base = fixture('minimal.yaml');
const minimal = scenarioOf(base);

/** A state of `scenario` with its own accounts and `won` accounts won, the k-th buying `lines[k]` first. */
function withWon(scenario: Scenario, seed: number, lines: readonly string[]): GameState {
  const game = createGame(scenario, seed);
  const won: AccountState[] = lines.map((line, k) => ({
    id: `new-${k + 1}`,
    name: `New account ${k + 1}`,
    active: true,
    wonInQuarter: 1 + Math.floor(k / 3),
    lostInQuarter: null,
    key: false,
    relationship: 0.3,
    satisfaction: 0.5,
    buys: [{ product: line, line: scenario.products.findIndex((p) => p.id === line), units: 100, anchor: 0 }],
    pulledForward: 0,
  }));
  return { ...game, accounts: [...game.accounts, ...won] };
}

/** `minimal` with pools for its two segments. */
function pooled(office: string[], night?: string[]): Scenario {
  const s = structuredClone(minimal);
  s.segments[0]!.accountNames = office;
  if (night) s.segments[1]!.accountNames = night;
  return s;
}

describe('naming won accounts', () => {
  it('keeps the scenario’s own accounts’ names and gives won ones the segment’s pool in order, then the default pool', () => {
    const scenario = pooled(['Lakeside Offices', 'Tower Court'], ['Night Owl Diner']);
    const state = withWon(scenario, 0, ['blend', 'decaf', 'blend', 'blend', 'decaf']);
    const names = accountNames(scenario, state);
    expect(names.get('clinic')).toBe('City Clinic');
    expect(names.get('cafe')).toBe('Corner Café');
    // Office (blend) takes its two, night (decaf) its one; then both fall back on the default pool (seed 0: from its start).
    expect(['new-1', 'new-2', 'new-3', 'new-4', 'new-5'].map((id) => names.get(id))).toEqual([
      'Lakeside Offices',
      'Night Owl Diner',
      'Tower Court',
      DEFAULT_ACCOUNT_NAMES[0],
      DEFAULT_ACCOUNT_NAMES[1],
    ]);
    expect(accountName(scenario, state, 'new-3')).toBe('Tower Court');
    expect(accountName(scenario, state, 'clinic')).toBe('City Clinic');
    expect(accountName(scenario, state, 'nobody')).toBe('nobody');
  });

  it('without a pool uses the default pool, starting at a place set by the seed', () => {
    const state = withWon(minimal, 7, ['blend', 'decaf']);
    const names = accountNames(minimal, state);
    expect([names.get('new-1'), names.get('new-2')]).toEqual([DEFAULT_ACCOUNT_NAMES[7], DEFAULT_ACCOUNT_NAMES[8]]);
    const wrapped = accountNames(minimal, withWon(minimal, DEFAULT_ACCOUNT_NAMES.length - 1, ['blend', 'blend']));
    expect([wrapped.get('new-1'), wrapped.get('new-2')]).toEqual([DEFAULT_ACCOUNT_NAMES.at(-1), DEFAULT_ACCOUNT_NAMES[0]]);
  });

  it('is deterministic, and an account’s name never changes as more are won', () => {
    const scenario = pooled(['Lakeside Offices', 'Tower Court', 'Dock Street Works']);
    const lines = Array.from({ length: 30 }, (_, k) => (k % 3 === 0 ? 'decaf' : 'blend'));
    const full = accountNames(scenario, withWon(scenario, 11, lines));
    expect(accountNames(scenario, withWon(scenario, 11, lines))).toEqual(full);
    for (let n = 1; n <= lines.length; n++) {
      const early = accountNames(scenario, withWon(scenario, 11, lines.slice(0, n)));
      for (const [id, name] of early) expect(full.get(id)).toBe(name);
    }
  });

  it('never gives one name twice, numbers names once the pools run out, and never takes an account’s own name', () => {
    // A pool name the scenario's account has already (any case) is skipped; so is a default one.
    const scenario = structuredClone(pooled(['city clinic', 'Lakeside Offices']));
    scenario.accounts[1]!.name = DEFAULT_ACCOUNT_NAMES[0]!;
    const lines = Array.from({ length: DEFAULT_ACCOUNT_NAMES.length + 6 }, (_, k) => (k % 2 === 0 ? 'blend' : 'decaf'));
    const names = accountNames(scenario, withWon(scenario, 0, lines));
    const shown = [...names.values()];
    expect(new Set(shown.map((n) => n.toLowerCase())).size).toBe(shown.length);
    expect(names.get('new-1')).toBe('Lakeside Offices');
    expect(shown.filter((n) => n === DEFAULT_ACCOUNT_NAMES[0])).toHaveLength(1);
    // 2 accounts + 1 pool name + all but one default name used; the rest numbered by segment.
    const numbered = shown.filter((n) => / account \d+$/.test(n));
    expect(numbered).toEqual(['Offices account 1', 'Night shifts account 1', 'Offices account 2', 'Night shifts account 2', 'Offices account 3', 'Night shifts account 3', 'Offices account 4'].slice(0, numbered.length));
    expect(numbered.length).toBe(lines.length - 1 - (DEFAULT_ACCOUNT_NAMES.length - 1));
  });

  it('default names are unique, trimmed and short enough for the planning screen’s account list (18 characters)', () => {
    expect(new Set(DEFAULT_ACCOUNT_NAMES.map((n) => n.toLowerCase())).size).toBe(DEFAULT_ACCOUNT_NAMES.length);
    for (const name of DEFAULT_ACCOUNT_NAMES) {
      expect(name.trim()).toBe(name);
      expect([...name].length).toBeLessThanOrEqual(18);
      expect(name).not.toMatch(/^New account/);
    }
    // Enough for every prospect of the shipped scenarios without numbering.
    expect(DEFAULT_ACCOUNT_NAMES.length).toBeGreaterThanOrEqual(26);
  });
});

describe('the accountNames field', () => {
  const withPool = (pool: string) => mutate(base, 27, '{ id: office, name: Offices, demand: 1 }', `{ id: office, name: Offices, demand: 1, accountNames: ${pool} }`);

  it('loads a pool as written, and a file without one loads as before (no key, the same content hash)', () => {
    expect(scenarioOf(withPool('[Lakeside Offices, "Tower Court"]')).segments[0]!.accountNames).toEqual(['Lakeside Offices', 'Tower Court']);
    for (const id of ['solo-founder', 'two-hats', 'divisions']) {
      const scenario = loadShipped(id);
      for (const segment of scenario.segments) expect(Object.keys(segment)).toEqual(['id', 'name', 'demand']);
    }
    // Version 1's content hash (now kept in scenarios/archive), as its golden replays and held result codes have it.
    expect(scenarioHash(loadArchived('two-hats', 1))).toBe('3e21a5c66326c8d2');
  });

  /** The column (1-based) where `needle` starts on line `line` of `text`, its `nth` occurrence there. */
  const columnOf = (text: string, line: number, needle: string, nth = 1) => {
    const row = text.split('\n')[line - 1]!;
    let at = -1;
    for (let i = 0; i < nth; i++) at = row.indexOf(needle, at + 1);
    expect(at).toBeGreaterThanOrEqual(0);
    return at + 1;
  };
  const expectAt = (text: string, line: number, needle: string, path: string, message: string, nth = 1) =>
    expectOneIssue(errorsOf(text), { line, column: columnOf(text, line, needle, nth), path, message });

  it('an empty name, with line and column', () => {
    expectAt(withPool('[Lakeside, ""]'), 27, '""', 'segments[0].accountNames[1]', 'expected text of 1 to 80 characters, found 0 characters');
  });

  it('a name of spaces only', () => {
    expectAt(withPool('[Lakeside, "   "]'), 27, '"   "', 'segments[0].accountNames[1]', 'expected a name with at least one letter or digit, found only spaces');
  });

  it('a name too long', () => {
    expectAt(withPool(`[Lakeside, ${'x'.repeat(81)}]`), 27, 'xxx', 'segments[0].accountNames[1]', 'expected text of 1 to 80 characters, found 81 characters');
  });

  it('an empty list', () => {
    expectAt(withPool('[]'), 27, '[]', 'segments[0].accountNames', 'expected a list of 1 to 200 names, found 0 items');
  });

  it('a name twice in one list, or in two segments’ lists (compared without case)', () => {
    expectAt(withPool('[Lakeside, Tower, lakeside]'), 27, 'lakeside', 'segments[0].accountNames[2]', 'duplicate account name "lakeside"; segments[0].accountNames[0] already has it');
    const both = mutate(withPool('[Lakeside, Tower]'), 28, '{ id: night, name: Night shifts, demand: 0.8 }', '{ id: night, name: Night shifts, demand: 0.8, accountNames: [Tower] }');
    expectAt(both, 28, 'Tower', 'segments[1].accountNames[0]', 'duplicate account name "Tower"; segments[0].accountNames[1] already has it');
  });

  it('a name longer than the account table shows is a warning of check-scenarios, with line and column', () => {
    const long = 'Northbridge Cooperative Bank';
    const text = withPool(`[Lakeside, ${long}]`);
    const warnings = checkMeaning(text, 'test.yaml', scenarioOf(text), { seeds: 2 }).filter((i) => i.path === 'segments[0].accountNames[1]');
    expect(warnings).toEqual([
      expect.objectContaining({ line: 27, column: columnOf(text, 27, long), severity: 'warning', message: '28 characters; at most 24 fit the account table column (the rest wraps or is cut)' }),
    ]);
  });

  it('a name an account of the file has already', () => {
    expectAt(withPool('[Corner Café]'), 27, 'Corner Café', 'segments[0].accountNames[0]', '"Corner Café" is already the name of accounts[1]; a won account needs a name of its own');
  });
});
