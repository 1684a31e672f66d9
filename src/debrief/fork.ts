// The same-draw fork: "what if I had chosen differently at the dispute?" The game is replayed to
// the first dispute sitting, decided there the other way, and then played on with the same later
// moves. Every draw of the game is taken when it is created (common random numbers), so the
// fork meets exactly the luck the original met and only the decision differs. The rule for
// moves that no longer fit is the transplant rule of the luck-or-skill report
// (src/scoreboard/luck.ts), stated in FORK_RULE for the screen.
import {
  FINAL_DISPUTE_OPTIONS,
  decideDispute,
  effortAvailable,
  resolveValidQuarter,
  stateHash,
  validateDecision,
  validateDisputeOption,
  validateMove,
  type DisputeOption,
  type FinalDisputeOption,
  type GameState,
  type Move,
  type Scenario,
  type Step,
} from '../sim/index';
import { DISPUTE_OPTION_TEXT, disputeRefusalText } from './dispute-text';
import { DebriefError, applyChoices, replayGame, type ReplayedGame } from './replay';
import type { Fork, Outcome } from './types';

export const FORK_RULE =
  'The fork replays your game to the first dispute sitting and makes the other decision there (after a joint meeting if one is asked for), on the same draws. ' +
  'After that it plays your own moves quarter by quarter: a move that no longer fits (its line discontinued, its account lost or never won in the fork) is dropped and its points are not re-spent; ' +
  'if the fork has fewer effort points that quarter (a migration plan takes some), moves are dropped from the end of the plan until it fits. ' +
  'Later dispute sittings of your game (after an investigation) are skipped: the fork has already decided.';

export interface PlayedFork {
  /** The original game, replayed. */
  original: ReplayedGame;
  /** Index (0-based) of the step with the first dispute sitting. */
  at: number;
  /** The state both games were in before the sitting. */
  beforeDispute: GameState;
  /** The fork's state after its choices, before that quarter's moves. */
  afterChoices: GameState;
  /** The fork's final state. */
  final: GameState;
  choices: DisputeOption[];
  droppedMoves: number;
}

/** The later moves that fit the fork's state: invalid ones dropped, then the plan cut from the end to the effort available. */
export function fitMoves(scenario: Scenario, state: GameState, planned: readonly Move[]): { moves: Move[]; dropped: number } {
  const moves: Move[] = [];
  let dropped = 0;
  for (const move of planned) {
    if (validateMove(scenario, state, move).ok) moves.push(move);
    else dropped++;
  }
  const budget = effortAvailable(scenario, state);
  let effort = 0;
  for (const m of moves) effort += m.points;
  while (effort > budget && moves.length > 0) {
    effort -= moves.pop()!.points;
    dropped++;
  }
  // Dropping cannot create an invalid plan; checked anyway so a model change never resolves an illegal quarter silently.
  if (!validateDecision(scenario, state, { moves }).ok) return { moves: [], dropped: dropped + moves.length };
  return { moves, dropped };
}

/** Plays the fork and keeps its states; forkAtDispute sums it up. Throws a DebriefError when it cannot be played. */
export function playFork(scenario: Scenario, seed: number, steps: readonly Step[], alternative: FinalDisputeOption, jointMeeting = false): PlayedFork {
  const original = replayGame(scenario, seed, steps);
  const at = steps.findIndex((s) => s.dispute !== undefined);
  if (at < 0) throw new DebriefError('No dispute took place in this game, so there is no decision to fork.');
  const beforeDispute = original.quarters[at]!.start;
  const choices: DisputeOption[] = jointMeeting ? ['joint-meeting', alternative] : [alternative];
  // Say plainly why a choice cannot be made there (a phase-out too late in the game, say).
  let probe = beforeDispute;
  for (const option of choices) {
    const verdict = validateDisputeOption(scenario, probe, option);
    if (!verdict.ok) throw new DebriefError(`The fork cannot choose “${DISPUTE_OPTION_TEXT[option].label}” in Q${beforeDispute.quarter}: ${disputeRefusalText(verdict.refusal)}`);
    if (option === 'joint-meeting') probe = decideDispute(scenario, probe, option);
  }
  const afterChoices = applyChoices(scenario, beforeDispute, choices, `The fork at Q${beforeDispute.quarter}`);
  let state = afterChoices;
  let droppedMoves = 0;
  for (let i = at; i < steps.length && !state.finished; i++) {
    // The fork decided at its first sitting: later sittings of the original are skipped.
    const { moves, dropped } = fitMoves(scenario, state, steps[i]!.moves);
    droppedMoves += dropped;
    state = resolveValidQuarter(scenario, state, { moves });
  }
  return { original, at, beforeDispute, afterChoices, final: state, choices, droppedMoves };
}

function outcome(state: GameState, choices: readonly DisputeOption[]): Outcome {
  const history = state.history;
  const last = history[history.length - 1]!;
  let totalProfit = 0;
  let totalRevenue = 0;
  for (const r of history) {
    totalProfit += r.profit;
    totalRevenue += r.revenue;
  }
  const d = state.dispute;
  const account = d === null ? undefined : state.accounts.find((a) => a.id === d.account);
  const lostIn = account?.lostInQuarter ?? null;
  return {
    choices: [...choices],
    choiceLabels: choices.map((c) => DISPUTE_OPTION_TEXT[c].label),
    score: { ...last.score },
    totalProfit,
    totalRevenue,
    finalCustomerEquity: last.customerEquity,
    cash: state.cash,
    accountLost: lostIn !== null,
    accountLostInQuarter: lostIn,
    stateHash: stateHash(state),
    perQuarter: history.map((r) => ({
      quarter: r.quarter,
      score: r.score.total,
      profit: r.profit,
      revenue: r.revenue,
      customerEquity: r.customerEquity,
      effort: { marketing: r.effortMarketing, sales: r.effortSales, joint: r.effortJoint },
    })),
  };
}

/**
 * The decisions a fork may make at the game's first dispute sitting (after a joint meeting when
 * `jointMeeting`), for a screen to offer; empty when the game had no dispute.
 */
export function forkAlternatives(scenario: Scenario, seed: number, steps: readonly Step[], jointMeeting = false): FinalDisputeOption[] {
  const at = steps.findIndex((s) => s.dispute !== undefined);
  if (at < 0) return [];
  let state = replayGame(scenario, seed, steps).quarters[at]!.start;
  if (jointMeeting) {
    if (!validateDisputeOption(scenario, state, 'joint-meeting').ok) return [];
    state = decideDispute(scenario, state, 'joint-meeting');
  }
  return FINAL_DISPUTE_OPTIONS.filter((o) => validateDisputeOption(scenario, state, o).ok);
}

/**
 * Whether deciding `alternative` at the first sitting (after a joint meeting when `jointMeeting`)
 * is exactly what the game did there — a "fork" that would replay the same game. A game that
 * investigated first, or met first, decided something else at that sitting.
 */
export function isActualChoice(steps: readonly Step[], alternative: FinalDisputeOption, jointMeeting = false): boolean {
  const actual = steps.find((s) => s.dispute !== undefined)?.dispute ?? [];
  const fork: DisputeOption[] = jointMeeting ? ['joint-meeting', alternative] : [alternative];
  return actual.length === fork.length && actual.every((option, i) => option === fork[i]);
}

/**
 * What the game did before its decision that the fork of `alternative` leaves out, when that fork
 * is the game's own decision taken at once: the joint meeting or the investigation it opened the
 * dispute with. Null when the fork is another decision, or the game decided at once too.
 */
export function skippedBeforeDecision(steps: readonly Step[], alternative: FinalDisputeOption): 'joint-meeting' | 'investigate' | null {
  const sittings = steps.filter((s) => s.dispute !== undefined).map((s) => s.dispute!);
  const opening = sittings[0]?.[0];
  const last = sittings[sittings.length - 1];
  const decided = last?.[last.length - 1];
  return (opening === 'joint-meeting' || opening === 'investigate') && decided === alternative ? opening : null;
}

export function forkAtDispute(scenario: Scenario, seed: number, steps: readonly Step[], alternative: FinalDisputeOption, jointMeeting = false): Fork {
  const played = playFork(scenario, seed, steps, alternative, jointMeeting);
  const originalChoices = played.original.final.dispute?.choices.map((c) => c.option) ?? [];
  return {
    alternative,
    jointMeeting,
    fromQuarter: played.beforeDispute.quarter,
    original: outcome(played.original.final, originalChoices),
    fork: outcome(played.final, played.choices),
    droppedMoves: played.droppedMoves,
    rule: FORK_RULE,
  };
}
