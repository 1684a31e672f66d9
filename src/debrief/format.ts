// Words and numbers for the debrief's sentences: money, percentages, lists, and the names of
// lines, accounts and dispute choices. One place, so every sentence reads the same figure the
// same way and the tests can format a record's figure exactly as the text does.
import { accountNames as namesShown } from '../scenario/account-names';
import { exactText, unitsText } from '../scenario/currency';
import type { DisputeOption, GameState, Scenario } from '../sim/index';

/** Cents as whole currency units with thousands separators and a sign: "$24,894", "−$3,200". */
export function money(cents: number): string {
  const units = Math.round(Math.abs(cents) / 100);
  return `${cents < 0 && units > 0 ? '−' : ''}${unitsText(units)}`;
}

/** A unit price in units and cents: "$32.50". */
export function price(cents: number): string {
  return exactText(cents / 100);
}

/** A change in cents, always signed: "+$4,000", "−$12,500". */
export function signedMoney(cents: number): string {
  return cents >= 0 ? `+${money(cents)}` : money(cents);
}

/** Score points to one decimal: "56.8", "−3.0". */
export function points(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  return `${value < 0 && tenths > 0 ? '−' : ''}${(tenths / 10).toFixed(1)}`;
}

/** A change in score points, always signed: "+3.4", "−12.5", "±0.0". */
export function signedPoints(value: number): string {
  const text = points(value);
  return text.startsWith('−') ? text : text === '0.0' ? `±${text}` : `+${text}`;
}

/** A ratio as a whole percentage: 0.186 → "19%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function quarterLabel(q: number): string {
  return `Q${q}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Rounds a derived ratio (a mean, a share) to 4 decimals, so figures stay short and exact to recompute. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function productName(scenario: Scenario, id: string): string {
  return scenario.products.find((p) => p.id === id)?.name ?? id;
}

export function segmentName(scenario: Scenario, id: string): string {
  return scenario.segments.find((s) => s.id === id)?.name ?? id;
}

/**
 * Account names by id, as the player reads them (won accounts named from the scenario's pools,
 * src/scenario/account-names.ts); the final state lists every account the game ever had (won
 * ones appended).
 */
export function accountNames(scenario: Scenario, state: GameState): Map<string, string> {
  return namesShown(scenario, state);
}

/**
 * A dispute choice as the timeline states it ("Discontinued Decaf Line"). Prices and quarters
 * come from the states around the choice, so the label says what the model actually did.
 */
export function choiceLabel(
  scenario: Scenario,
  option: DisputeOption,
  product: string,
  accountName: string,
  before: GameState,
  after: GameState,
): string {
  const line = productName(scenario, product);
  switch (option) {
    case 'joint-meeting':
      return 'Held a joint meeting';
    case 'investigate':
      return `Investigated ${accountName}'s attachment to ${line}`;
    case 'discontinue':
      return `Discontinued ${line}`;
    case 'keep':
      return `Kept ${line}`;
    case 'reprice': {
      const from = before.products.find((p) => p.id === product)?.price ?? 0;
      const to = after.products.find((p) => p.id === product)?.price ?? 0;
      return `Repriced ${line} from ${price(from)} to ${price(to)} a unit`;
    }
    case 'phase-out': {
      const stops = after.dispute?.phaseOutQuarter;
      return `Began phasing out ${line}${stops ? ` (it stops at the start of ${quarterLabel(stops)})` : ''}`;
    }
  }
}

/** The label the timeline shows in the quarter a phased-out line stops. */
export function phaseOutLabel(scenario: Scenario, product: string): string {
  return `${productName(scenario, product)} stopped (phase-out)`;
}
