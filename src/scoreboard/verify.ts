// Verifying result codes and ranking them. A code's score is never taken on trust: the replay it
// carries is played again on the instructor's copy of the scenario and the recomputed score is
// the one shown. Each code is checked on its own and every failure becomes a reason on that code
// alone, so one bad code never harms the rest of the board.
import { ReplayError, runReplay, scenarioHash, type RefusedDecision, type Replay } from '../replay/replay';
import { canonicalJson, type GameState, type Scenario, type ScoreCard } from '../sim/index';
import { HeatCodeError, decodeHeatCode, heatMatches, makeHeatCode } from './heat-code';
import { ResultCodeError, decodeResultCode, payloadReplay, type ResultCodePayload, type ResultCodeProblem } from './result-code';

export type RejectReason =
  | ResultCodeProblem
  /** The code is for another scenario. */
  | 'scenario'
  /** The code is for another version (content hash) of this scenario. */
  | 'scenario-version'
  /** The code was played on another seed than the workshop's heat. */
  | 'heat'
  /** The decisions do not make a whole, legal game on this scenario and seed. */
  | 'invalid-decisions'
  /** The decisions replay to a score other than the one claimed. */
  | 'score-mismatch'
  /** The decisions replay to the claimed score but not to the claimed game (final state). */
  | 'altered'
  /** Board only: a second code for a group, or another group's decisions. */
  | 'duplicate'
  /** A bug in the verifier; never expected, kept so one code's crash cannot stop the board. */
  | 'internal';

export interface QuarterFigures {
  quarter: number;
  revenue: number;
  profit: number;
  cash: number;
  customerEquity: number;
}

export interface VerifiedResult {
  ok: true;
  code: string;
  group: string;
  seed: number;
  replay: Replay;
  state: GameState;
  stateHash: string;
  /** The recomputed score: the one to show. */
  score: number;
  claimedScore: number;
  scorecard: ScoreCard;
  quarters: QuarterFigures[];
  /** Customer equity at the end, in cents (first tie-break). */
  customerEquity: number;
  /** Profit summed over all quarters, in cents (second tie-break). */
  totalProfit: number;
  totalRevenue: number;
}

export interface RejectedResult {
  ok: false;
  code: string;
  reason: RejectReason;
  message: string;
  /** The group's name when the code could be read that far. */
  group?: string;
  /** For 'invalid-decisions' refused by a rule: the quarter and the model's refusal, for the app's words. */
  refused?: RefusedDecision;
}

export type Verification = VerifiedResult | RejectedResult;

export interface VerifyOptions {
  /** The workshop heat's seed: a code played on another seed is rejected. */
  seed?: number;
}

function reject(code: string, reason: RejectReason, message: string, group?: string): RejectedResult {
  return group === undefined ? { ok: false, code, reason, message } : { ok: false, code, reason, message, group };
}

/** Checks a decoded code against a scenario; never throws. */
export function verifyPayload(code: string, payload: ResultCodePayload, scenario: Scenario, options: VerifyOptions = {}): Verification {
  const group = payload.group;
  try {
    if (payload.scenarioId !== scenario.id) {
      return reject(code, 'scenario', `the code is for scenario "${payload.scenarioId}", not "${scenario.id}"`, group);
    }
    if (payload.scenarioHash !== scenarioHash(scenario)) {
      return reject(code, 'scenario-version', `the code was played on another version of "${scenario.id}" than the one loaded here`, group);
    }
    if (options.seed !== undefined && payload.seed !== options.seed) {
      return reject(code, 'heat', `the code was played on seed ${payload.seed}, not on this heat's seed ${options.seed}`, group);
    }
    const replay = payloadReplay(scenario, payload);
    let result;
    try {
      result = runReplay(scenario, replay);
    } catch (error) {
      if (error instanceof ReplayError) {
        const rejected = reject(code, 'invalid-decisions', `the decisions do not replay: ${error.message}`, group);
        return error.refused === null ? rejected : { ...rejected, refused: error.refused };
      }
      throw error;
    }
    if (Math.round(result.score * 100) !== Math.round(payload.claimedScore * 100)) {
      return reject(code, 'score-mismatch', `the code claims a score of ${payload.claimedScore.toFixed(2)}, but its decisions score ${result.score.toFixed(2)}`, group);
    }
    if (result.stateHash.slice(0, 8) !== payload.claimedOutcome) {
      return reject(code, 'altered', 'the decisions reach the claimed score but not the game that was played: they were altered', group);
    }
    const history = result.state.history;
    const last = history[history.length - 1]!;
    let totalProfit = 0;
    let totalRevenue = 0;
    for (const r of history) {
      totalProfit += r.profit;
      totalRevenue += r.revenue;
    }
    return {
      ok: true,
      code,
      group,
      seed: payload.seed,
      replay,
      state: result.state,
      stateHash: result.stateHash,
      score: result.score,
      claimedScore: payload.claimedScore,
      scorecard: last.score,
      quarters: history.map((r) => ({ quarter: r.quarter, revenue: r.revenue, profit: r.profit, cash: r.cash, customerEquity: r.customerEquity })),
      customerEquity: last.customerEquity,
      totalProfit,
      totalRevenue,
    };
  } catch (error) {
    return reject(code, 'internal', `the verifier failed on this code (a bug, please report it): ${(error as Error).message}`, group);
  }
}

/** Verifies one result code against a scenario (and optionally a heat's seed); never throws. */
export function verifyResultCode(code: string, scenario: Scenario, options: VerifyOptions = {}): Verification {
  let payload: ResultCodePayload;
  try {
    payload = decodeResultCode(code);
  } catch (error) {
    if (error instanceof ResultCodeError) return reject(code, error.problem, error.message);
    return reject(code, 'internal', `the verifier failed on this code (a bug, please report it): ${(error as Error).message}`);
  }
  return verifyPayload(code, payload, scenario, options);
}

// ---------------------------------------------------------------------------------------
// Ranking

/** The ranking rule, in words, for the scoreboard screen and the exports. */
export const TIE_BREAK_RULE =
  'Groups are ranked by their verified score, highest first. Equal scores are ordered by customer equity at the end of the game (the long run), then by total profit over all quarters, higher first; if those are equal too, the group that submitted its code first ranks first.';

export interface Rankable {
  score: number;
  customerEquity: number;
  totalProfit: number;
  /** Submission order: 0 for the first code handed in. */
  position: number;
}

/** Orders two results by TIE_BREAK_RULE (negative: `a` ranks first). */
export function compareResults(a: Rankable, b: Rankable): number {
  return b.score - a.score || b.customerEquity - a.customerEquity || b.totalProfit - a.totalProfit || a.position - b.position;
}

export interface Submission {
  code: string;
  /** Where it came from, for messages: "line 7", "pasted code 3". */
  label?: string;
}

export interface BoardEntry extends VerifiedResult {
  rank: number;
  position: number;
  label: string;
}

export interface BoardRejection extends RejectedResult {
  position: number;
  label: string;
}

export interface Scoreboard {
  scenario: { id: string; version: number; title: string; hash: string };
  /** The heat's seed, or null when no code could say what it was. */
  seed: number | null;
  heatCode: string | null;
  /** Where the seed came from: the heat code given, or the seed most codes were played on. */
  seedSource: 'heat' | 'majority' | 'none';
  /** Verified codes in rank order. */
  entries: BoardEntry[];
  /** Rejected codes in submission order. */
  rejected: BoardRejection[];
  tieBreakRule: string;
}

export interface BoardOptions {
  /** The workshop's heat code; without it the heat is the seed most codes were played on. */
  heat?: string;
}

/** Reads the heat code given to a board; throws a HeatCodeError if it is bad or for another scenario. */
export function heatSeedFor(scenario: Scenario, heatCode: string): number {
  const heat = decodeHeatCode(heatCode);
  if (!heatMatches(heat, scenario)) {
    throw new HeatCodeError('unknown-scenario', `heat code ${heatCode.trim()} is for another scenario, or another version of "${scenario.id}", than the one loaded`);
  }
  return heat.seed;
}

/** A group's name as the board compares it: case, spacing and Unicode form do not count. */
export const groupKey = (name: string): string => name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Verifies every submission and ranks the verified ones. Besides each code's own checks, a board
 * refuses a second code from a group already on it and a code whose decisions are an earlier
 * group's: the first verified submission stands. Throws only for a bad `options.heat`.
 */
export function buildScoreboard(scenario: Scenario, submissions: readonly (string | Submission)[], options: BoardOptions = {}): Scoreboard {
  const items = submissions.map((s, i) => (typeof s === 'string' ? { code: s, label: `code ${i + 1}` } : { code: s.code, label: s.label ?? `code ${i + 1}` }));
  const decoded = items.map((item) => {
    try {
      return decodeResultCode(item.code);
    } catch (error) {
      return error instanceof ResultCodeError ? error : new ResultCodeError('garbage', String(error));
    }
  });
  let seed: number | null = null;
  let seedSource: Scoreboard['seedSource'] = 'none';
  if (options.heat !== undefined) {
    seed = heatSeedFor(scenario, options.heat);
    seedSource = 'heat';
  } else {
    // Majority vote among codes for this scenario version; ties go to the seed seen first. A few
    // stray codes from another heat cannot then push out the rest.
    const hash = scenarioHash(scenario);
    const counts = new Map<number, number>();
    for (const d of decoded) {
      if (d instanceof ResultCodeError || d.scenarioId !== scenario.id || d.scenarioHash !== hash) continue;
      counts.set(d.seed, (counts.get(d.seed) ?? 0) + 1);
    }
    let best = 0;
    for (const [s, n] of counts) {
      if (n > best) {
        best = n;
        seed = s;
      }
    }
    if (seed !== null) seedSource = 'majority';
  }
  const verifyOptions: VerifyOptions = seed === null ? {} : { seed };
  const verified: BoardEntry[] = [];
  const rejected: BoardRejection[] = [];
  const byGroup = new Map<string, BoardEntry>();
  const byDecisions = new Map<string, BoardEntry>();
  items.forEach((item, position) => {
    const d = decoded[position]!;
    const result = d instanceof ResultCodeError ? reject(item.code, d.problem, d.message) : verifyPayload(item.code, d, scenario, verifyOptions);
    if (!result.ok) {
      rejected.push({ ...result, position, label: item.label });
      return;
    }
    const key = groupKey(result.group);
    const decisions = canonicalJson(result.replay.decisions);
    const sameGroup = byGroup.get(key);
    const sameDecisions = byDecisions.get(decisions);
    if (sameGroup) {
      rejected.push({ ...reject(item.code, 'duplicate', `group "${sameGroup.group}" already has a verified code (${sameGroup.label}); the first one counts`, result.group), position, label: item.label });
      return;
    }
    if (sameDecisions) {
      rejected.push({ ...reject(item.code, 'duplicate', `its decisions are exactly those of group "${sameDecisions.group}" (${sameDecisions.label})`, result.group), position, label: item.label });
      return;
    }
    const entry: BoardEntry = { ...result, rank: 0, position, label: item.label };
    byGroup.set(key, entry);
    byDecisions.set(decisions, entry);
    verified.push(entry);
  });
  verified.sort(compareResults);
  verified.forEach((e, i) => (e.rank = i + 1));
  return {
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title, hash: scenarioHash(scenario) },
    seed,
    heatCode: seed === null ? null : makeHeatCode(scenario, seed),
    seedSource,
    entries: verified,
    rejected,
    tieBreakRule: TIE_BREAK_RULE,
  };
}
