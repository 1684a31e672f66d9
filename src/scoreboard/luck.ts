// Luck or skill: each group's decisions played again on other seeds, so the board can show how
// much of a rank holds beyond this heat's draw. The same decisions on another seed can stop
// fitting the game (a line already discontinued, an account lost or never won there), so the
// transplant rule is stated here and in TRANSPLANT_RULE for the screens:
//
//  - Quarter by quarter the group's own moves for that quarter are played, in order. A move that
//    is not legal in that quarter's state on the other seed is dropped, and its effort points are
//    not re-spent elsewhere: re-spending them would be a decision the group never made.
//  - When the dispute opens (on another seed it may open in another quarter), the group's choices
//    are made in the same order (a meeting, an investigation, the decision); a choice that is not
//    open there (too late to phase out, say) becomes keeping the line, the status quo, as it does
//    for a group whose own game never reached the dispute.
//
// Common random numbers (the model draws the same luck whatever is decided) make the comparison
// fair: on each seed every group faces exactly the same draws.
import {
  createGame,
  decideDispute,
  resolveValidQuarter,
  validateDisputeOption,
  validateDecision,
  validateMove,
  type DisputeOption,
  type GameState,
  type Move,
  type Scenario,
  type Step,
} from '../sim/index';
import { LUCK_SEED_COUNT } from './heat-code';
import { compareResults } from './verify';

export { LUCK_SEED_COUNT };

export const TRANSPLANT_RULE =
  "On each other seed the group's moves are played quarter by quarter; a move that no longer fits (its product line discontinued, its account lost or never won on that seed) is dropped and its points are not re-spent. The dispute, whenever it opens, gets the group's choices in the same order; a choice not open there, or a dispute the group never reached, keeps the line.";

/** The seeds a heat is compared on: the `count` seeds after its own, wrapping below 2^31. */
export function otherSeeds(heatSeed: number, count = LUCK_SEED_COUNT): number[] {
  const seeds: number[] = [];
  for (let i = 1; i <= count; i++) seeds.push((heatSeed + i) % 2 ** 31);
  return seeds;
}

export interface TransplantedGame {
  state: GameState;
  score: number;
  customerEquity: number;
  totalProfit: number;
  /** Moves dropped because they did not fit this seed's game. */
  droppedMoves: number;
}

/** Plays a group's decisions on another seed by TRANSPLANT_RULE. */
export function transplant(scenario: Scenario, seed: number, decisions: readonly Step[]): TransplantedGame {
  const rounds: DisputeOption[][] = [];
  for (const step of decisions) if (step.dispute !== undefined) rounds.push(step.dispute);
  let round = 0;
  let state = createGame(scenario, seed);
  let dropped = 0;
  for (let q = 0; !state.finished; q++) {
    if (state.dispute?.status === 'open') {
      const choices = rounds[round++] ?? ['keep'];
      for (const option of choices) {
        if (state.dispute?.status !== 'open') break;
        state = validateDisputeOption(scenario, state, option).ok ? decideDispute(scenario, state, option) : decideDispute(scenario, state, 'keep');
      }
      // A round that ended on a meeting (its decision not open here) still has to settle.
      if (state.dispute?.status === 'open') state = decideDispute(scenario, state, 'keep');
    }
    const planned = decisions[q]?.moves ?? [];
    const moves: Move[] = [];
    for (const move of planned) {
      if (validateMove(scenario, state, move).ok) moves.push(move);
      else dropped++;
    }
    // Dropping moves cannot break the budget or create duplicates, so this holds; checked anyway
    // because a model change must not turn into silently resolving an illegal quarter.
    const decision = { moves };
    if (!validateDecision(scenario, state, decision).ok) {
      dropped += moves.length;
      decision.moves = [];
    }
    state = resolveValidQuarter(scenario, state, decision);
  }
  let totalProfit = 0;
  for (const r of state.history) totalProfit += r.profit;
  const last = state.history[state.history.length - 1]!;
  return { state, score: last.score.total, customerEquity: last.customerEquity, totalProfit, droppedMoves: dropped };
}

export interface LuckInput {
  group: string;
  /** Submission order, for the tie-break. */
  position: number;
  /** Rank on the heat itself. */
  rank: number;
  score: number;
  decisions: readonly Step[];
}

export interface LuckRow {
  group: string;
  position: number;
  heatRank: number;
  heatScore: number;
  mean: number;
  /** Sample standard deviation of the score over the other seeds. */
  sd: number;
  min: number;
  median: number;
  max: number;
  /** Mean rank among the groups over the other seeds. */
  meanRank: number;
  /** Share of the other seeds on which the group's rank is exactly its heat rank. */
  rankHeld: number;
  /** Share of the other seeds on which the group ranks at least as well as on the heat. */
  rankAtLeast: number;
  /** Mean number of moves dropped per game by the transplant rule. */
  meanDroppedMoves: number;
}

export interface LuckOrSkill {
  seeds: number[];
  rule: string;
  rows: LuckRow[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Plays every group's decisions on the other seeds and sums up how each group's rank holds. */
export function luckOrSkill(scenario: Scenario, groups: readonly LuckInput[], seeds: readonly number[]): LuckOrSkill {
  const scores = groups.map(() => [] as number[]);
  const ranks = groups.map(() => [] as number[]);
  const dropped = groups.map(() => 0);
  for (const seed of seeds) {
    const games = groups.map((g, i) => {
      const game = transplant(scenario, seed, g.decisions);
      scores[i]!.push(game.score);
      dropped[i]! += game.droppedMoves;
      return { i, score: game.score, customerEquity: game.customerEquity, totalProfit: game.totalProfit, position: g.position };
    });
    games.sort(compareResults);
    games.forEach((g, r) => ranks[g.i]!.push(r + 1));
  }
  const n = seeds.length;
  const rows = groups.map((g, i): LuckRow => {
    const s = scores[i]!.slice().sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const variance = n > 1 ? s.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1) : 0;
    const median = n === 0 ? 0 : n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
    const r = ranks[i]!;
    return {
      group: g.group,
      position: g.position,
      heatRank: g.rank,
      heatScore: g.score,
      mean: round2(mean),
      sd: round2(Math.sqrt(variance)),
      min: s[0] ?? 0,
      median: round2(median),
      max: s[n - 1] ?? 0,
      meanRank: round2(r.reduce((a, b) => a + b, 0) / Math.max(1, n)),
      rankHeld: round3(r.filter((x) => x === g.rank).length / Math.max(1, n)),
      rankAtLeast: round3(r.filter((x) => x <= g.rank).length / Math.max(1, n)),
      meanDroppedMoves: round2(dropped[i]! / Math.max(1, n)),
    };
  });
  return { seeds: [...seeds], rule: TRANSPLANT_RULE, rows };
}

/** Luck or skill for a board's verified entries, on the 100 seeds after the heat's. */
export function boardLuckOrSkill(
  scenario: Scenario,
  board: { seed: number | null; entries: readonly { group: string; position: number; rank: number; score: number; replay: { decisions: readonly Step[] } }[] },
  count = LUCK_SEED_COUNT,
): LuckOrSkill | null {
  if (board.seed === null || board.entries.length === 0) return null;
  return luckOrSkill(
    scenario,
    board.entries.map((e) => ({ group: e.group, position: e.position, rank: e.rank, score: e.score, decisions: e.replay.decisions })),
    otherSeeds(board.seed, count),
  );
}
