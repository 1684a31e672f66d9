// The names the player reads for the accounts won during a game. The model stores every won
// account as "New account N" (that name is part of the hashed game state, so every replay,
// save and result code made before still verifies); the words shown are chosen here, at display
// time, from the scenario's pool for the account's segment (segments[].accountNames), else from
// the default pool below, else a numbered name. Deterministic: the same game shows the same
// names on every screen, in the debrief and in every export, and no two accounts of one game
// share a name.
import type { AccountState, Scenario } from '../sim/types';

/**
 * The names given to won accounts whose segment has no pool of its own (or whose pool has run
 * out): generic businesses of many kinds and many people's names, each at most 18 characters,
 * which the planning screen's account list shows whole (longer ones are cut with an ellipsis
 * there). Made up for this game; any likeness to a real firm is chance.
 */
export const DEFAULT_ACCOUNT_NAMES: readonly string[] = [
  'Harbour Lane Foods',
  'Okafor & Daughters',
  'Nguyen Supply Co.',
  'Bluebird Clinics',
  'Sato Engineering',
  'Mendoza Logistics',
  'Northgate Schools',
  'Patel Pharmacy',
  'Kowalski Builders',
  'Riverside Co-op',
  'Aroha Design',
  'Haddad Trading',
  'Silver Birch Hotel',
  'Lindqvist Marine',
  'Mwangi Agritech',
  'Cedar Hill Dental',
  'Kim & Park Law',
  'Ferreira Textiles',
  'Oakridge Council',
  'Nakamura Print',
  'Delgado Bakeries',
  'Ashworth Legal',
  'Fontaine Studio',
  'Ibrahim Motors',
  'Greenway Transit',
  'Rossi Catering',
  'Osei Solar',
  'Larkspur Labs',
  'Novak Furniture',
  'Chen Bros. Market',
  'Summit Outdoor',
  'Achterberg Flowers',
  'Quispe Coffee',
  'Brightwater Power',
  'Goldberg Opticians',
  'Adeyemi Health',
  'Morningside Books',
  'Sørensen Bikes',
  'Kaur Accountancy',
  'Whitfield Care',
  'Torres Fitness',
  'Yilmaz Electrical',
  'Maple Row Nursery',
  'Iwu Fashion House',
  'Blackwood Brewing',
  'Andersson Tools',
  'Lakeside Vets',
  'Morales & Reyes',
];

/** The fallback once every pool is used up: the segment's name and a number ("Retail account 3"). */
function numbered(segmentName: string | undefined, n: number): string {
  return segmentName === undefined ? `New account ${n}` : `${segmentName} account ${n}`;
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * The name shown for every account in `accounts` (a game state's list: the scenario's accounts,
 * then the won ones in the order won), by id. A scenario's account keeps its own name. The k-th
 * account won takes the next unused name of the pool of its segment (the segment of the first
 * line it buys), else the next unused name of the default pool (which starts at a place set by
 * the seed, so games of other seeds meet other names), else a numbered name. Names are taken in
 * the order the accounts were won, so an account's name never changes during a game, and a name
 * is never given twice nor to an account the scenario names already (compared without case).
 */
export function accountNames(scenario: Scenario, state: { readonly seed: number; readonly accounts: readonly AccountState[] }): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const a of state.accounts) if (a.wonInQuarter === 0) taken.add(key(a.name));
  const segmentOf = new Map(scenario.products.map((p) => [p.id, p.segment] as const));
  const segments = new Map(scenario.segments.map((s) => [s.id, s] as const));
  const used = new Map<string, number>();
  const pool = DEFAULT_ACCOUNT_NAMES;
  const start = ((state.seed % pool.length) + pool.length) % pool.length;
  let defaults = 0;
  const numberedCount = new Map<string, number>();
  for (const a of state.accounts) {
    if (a.wonInQuarter === 0) {
      names.set(a.id, a.name);
      continue;
    }
    const segmentId = a.buys.length > 0 ? segmentOf.get(a.buys[0]!.product) : undefined;
    const segment = segmentId === undefined ? undefined : segments.get(segmentId);
    let name: string | undefined;
    const own = segment?.accountNames;
    if (own !== undefined) {
      let i = used.get(segment!.id) ?? 0;
      while (name === undefined && i < own.length) {
        const candidate = own[i]!.trim();
        i += 1;
        if (!taken.has(key(candidate))) name = candidate;
      }
      used.set(segment!.id, i);
    }
    while (name === undefined && defaults < pool.length) {
      const candidate = pool[(start + defaults) % pool.length]!;
      defaults += 1;
      if (!taken.has(key(candidate))) name = candidate;
    }
    if (name === undefined) {
      const label = segment?.name;
      let n = numberedCount.get(label ?? '') ?? 0;
      do {
        n += 1;
        name = numbered(label, n);
      } while (taken.has(key(name)));
      numberedCount.set(label ?? '', n);
    }
    taken.add(key(name));
    names.set(a.id, name);
  }
  return names;
}

/** The name shown for one account of `state` (its id when the state has no such account). */
export function accountName(scenario: Scenario, state: { readonly seed: number; readonly accounts: readonly AccountState[] }, id: string): string {
  const account = state.accounts.find((a) => a.id === id);
  if (account === undefined) return id;
  // A scenario's own account needs no look at the others.
  return account.wonInQuarter === 0 ? account.name : (accountNames(scenario, state).get(id) ?? account.name);
}
