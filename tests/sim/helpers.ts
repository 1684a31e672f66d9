// Shared helpers for the model tests (tests/sim): freezing states so any mutation throws,
// walking a value for non-finite numbers, and scenario variants derived from the shipped one.
// Not a test file itself (no .test.ts suffix).
import type { GameState, Scenario } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

/**
 * Freezes a value and everything reachable from it. Children are frozen before their parent,
 * so a frozen object always has a frozen subtree and can be skipped: successive game states
 * share most of their structure, and this keeps freezing each new state cheap.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** Whether `value` holds a NaN or ±Infinity anywhere (fast; `nonFinitePaths` says where). */
export function hasNonFinite(value: unknown, skip?: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol';
  if (value === skip) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasNonFinite(v, skip)) return true;
    return false;
  }
  for (const key in value) if (hasNonFinite((value as Record<string, unknown>)[key], skip)) return true;
  return false;
}

/** Writes a property of `target`; throws on a frozen object only in strict-mode code. */
export function writeProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  target[key] = value;
}

/** Paths of every number in `value` that is NaN or ±Infinity (and of any non-JSON leaf). */
export function nonFinitePaths(value: unknown, path = '$', out: string[] = [], skip?: unknown): string[] {
  if (value === skip && skip !== undefined) return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
    return out;
  }
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    out.push(`${path} is a ${typeof value}`);
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out, skip));
    return out;
  }
  for (const key of Object.keys(value)) nonFinitePaths((value as Record<string, unknown>)[key], `${path}.${key}`, out, skip);
  return out;
}

/** Every ratio of a state with its path: the fields the model promises to keep in [0, 1]. */
export function ratiosOf(state: GameState): [string, number][] {
  const out: [string, number][] = [
    ['collaboration', state.collaboration],
    ['insight', state.insight],
    ['discountExpectation', state.discountExpectation],
  ];
  for (const p of state.products) {
    out.push([`products.${p.id}.goodwill`, p.goodwill], [`products.${p.id}.quality`, p.quality]);
  }
  for (const a of state.accounts) {
    out.push(
      [`accounts.${a.id}.relationship`, a.relationship],
      [`accounts.${a.id}.satisfaction`, a.satisfaction],
      [`accounts.${a.id}.pulledForward`, a.pulledForward],
    );
    for (const b of a.buys) out.push([`accounts.${a.id}.buys.${b.product}.anchor`, b.anchor]);
  }
  for (const r of state.history) out.push([`history[q${r.quarter}].collaboration`, r.collaboration]);
  return out;
}

/** The shipped Two Hats scenario, cloned so a test can never alter the cached copy. */
export function twoHats(): Scenario {
  return structuredClone(loadShipped('two-hats'));
}

/**
 * Two Hats with extra scenario events, so the properties also cover cash and collaboration
 * effects (the shipped file has none), a condition-triggered event, a dispute that opens in
 * the first quarter and moves switched off. Derived from the shipped file, so re-tuning it
 * re-tunes these too.
 */
export function twoHatsWithExtraEvents(): Scenario {
  const s = twoHats();
  s.id = 'two-hats-extra-events';
  s.moves.discounting.enabled = false;
  const anyProduct = s.products[s.products.length - 1]!.id;
  s.events.push(
    { id: 'grant', title: 'A small-business grant arrives', trigger: { quarter: 2 }, effects: [{ type: 'cash', change: 123_457 }] },
    {
      id: 'tax-bill',
      title: 'A back-tax bill',
      trigger: { quarter: 7 },
      effects: [
        { type: 'cash', change: -250_001 },
        { type: 'collaboration', change: -0.35 },
      ],
    },
    { id: 'offsite', title: 'A team offsite', trigger: { quarter: 3 }, effects: [{ type: 'collaboration', change: 0.9 }] },
    {
      id: 'loss-penalty',
      title: 'The bank frowns at a loss-making line',
      trigger: { productLossQuarters: { product: anyProduct, quarters: 1 } },
      effects: [
        { type: 'cash', change: -77_777 },
        { type: 'news', text: 'The bank wants a plan.' },
      ],
    },
  );
  return s;
}

/** Two Hats whose dispute opens at the end of the first quarter, with brand building switched off. */
export function twoHatsEarlyDispute(): Scenario {
  const s = twoHats();
  s.id = 'two-hats-early-dispute';
  s.moves.brand.enabled = false;
  s.events.unshift({ id: 'early-dispute', title: 'The decaf question comes up at once', trigger: { quarter: 1 }, effects: [{ type: 'dispute' }] });
  return s;
}
