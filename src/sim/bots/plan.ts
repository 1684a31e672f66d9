// Helpers bots share to turn an intention ("half to marketing, mostly campaigns") into a
// valid decision: integer effort split by weights, accounts and lines ranked by value.
import type { AccountState, GameState, Move, MoveKind, Scenario } from '../types';

/** Splits `points` into integers proportional to `weights` (largest remainder, ties by order). */
export function split(points: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0 || points <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) * points) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = points - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

/** Units an account buys a quarter at list price: a rough value for ranking accounts. */
export function accountValue(scenario: Scenario, account: AccountState): number {
  let value = valueCache.get(account.buys);
  if (value === undefined) {
    value = 0;
    for (const buy of account.buys) {
      const spec = scenario.products.find((p) => p.id === buy.product);
      if (spec) value += buy.units * spec.price;
    }
    valueCache.set(account.buys, value);
  }
  return value;
}

/** Purchase lists are shared between successive states, so their value is worked out once. */
const valueCache = new WeakMap<readonly unknown[], number>();

export function activeAccountsByValue(scenario: Scenario, state: GameState): AccountState[] {
  return state.accounts
    .filter((a) => a.active)
    .map((a) => [a, accountValue(scenario, a)] as const)
    .sort((x, y) => y[1] - x[1] || (x[0].id < y[0].id ? -1 : 1))
    .map(([a]) => a);
}

/** Adds a move if it has points and is enabled in the scenario. */
export function push(scenario: Scenario, moves: Move[], kind: MoveKind, points: number, target?: string): void {
  if (points <= 0 || !scenario.moves[kind].enabled) return;
  moves.push(target === undefined ? { kind, points } : { kind, points, target });
}

/** Spreads points over targets with weights, one move per target that gets any. */
export function spread(
  scenario: Scenario,
  moves: Move[],
  kind: MoveKind,
  points: number,
  targets: readonly { id: string; weight: number }[],
): void {
  const shares = split(points, targets.map((t) => t.weight));
  targets.forEach((t, i) => push(scenario, moves, kind, shares[i]!, t.id));
}

/** Gives `per` points to each target in order until the points run out (S-curves punish thin spreading). */
export function concentrate(
  scenario: Scenario,
  moves: Move[],
  kind: MoveKind,
  points: number,
  targets: readonly string[],
  per: number,
): void {
  let left = points;
  for (let i = 0; i < targets.length && left > 0; i++) {
    const last = i === targets.length - 1;
    const give = last ? left : Math.min(per, left);
    push(scenario, moves, kind, give, targets[i]);
    left -= give;
  }
}
