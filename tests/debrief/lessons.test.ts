// The debrief's three lessons and its "Next time, try …": every figure a lesson states is
// recomputed here from playSteps' records, from the steps themselves and from the game played
// again by the transplant rule (src/scoreboard/luck.ts) — never from the lessons' own code — on
// several seeds, every bot, and all three shipped scenarios; the three told are the largest; and
// different games get different lessons.
import { describe, expect, it } from 'vitest';
import { BOTS, FINAL_DISPUTE_OPTIONS, MOVE_INFO, MOVE_KINDS, botNamed, createGame, playBot, playStep, playSteps, type DisputeOption, type GameState, type MoveKind, type Scenario, type Step } from '../../src/sim/index';
import { DebriefError, buildDebrief, forkAtDispute, isActualChoice, lessonCandidates, money, replayGame, type Debrief, type Lesson } from '../../src/debrief/index';
import { transplant } from '../../src/scoreboard/luck';
import { accountName } from '../../src/scenario/account-names';
import { loadShipped } from '../support/scenarios';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
/** Score points as the lessons print them. */
const shown = (x: number) => `${x < 0 && Math.round(-x * 10) > 0 ? '−' : ''}${(Math.round(Math.abs(x) * 10) / 10).toFixed(1)}`;

function points(steps: readonly Step[], pick: (kind: MoveKind) => boolean, from = 0, to = steps.length): number {
  let total = 0;
  for (const step of steps.slice(from, to)) for (const m of step.moves) if (pick(m.kind)) total += m.points;
  return total;
}

/** The game played again without the picked moves, by the transplant rule; playSteps agrees whenever every other move still fits. */
function without(scenario: Scenario, seed: number, steps: readonly Step[], pick: (kind: MoveKind) => boolean): { score: number; totalProfit: number } {
  const fewer = steps.map((s) => ({ ...s, moves: s.moves.filter((m) => !pick(m.kind)) }));
  const game = transplant(scenario, seed, fewer);
  let direct: GameState | null = null;
  try {
    direct = playSteps(scenario, seed, fewer);
  } catch {
    // A move aimed at an account the game without these moves never won: the transplant rule drops it.
  }
  if (direct) expect(game.score).toBe(direct.history[direct.history.length - 1]!.score.total);
  return { score: game.score, totalProfit: game.totalProfit };
}

function checkLesson(scenario: Scenario, seed: number, steps: readonly Step[], state: GameState, debrief: Debrief, lesson: Lesson): void {
  const records = state.history;
  const f = lesson.figures;
  const score = records[records.length - 1]!.score.total;
  const totalProfit = sum(records.map((r) => r.profit));
  const totalRevenue = sum(records.map((r) => r.revenue));
  const par = Math.max(1, scenario.scoring.par);
  const where = `${scenario.id} seed ${seed} ${lesson.kind}: ${lesson.text}`;
  for (const value of Object.values(f)) expect(Number.isFinite(value), where).toBe(true);
  switch (lesson.kind) {
    case 'swing': {
      const changes = records.slice(1).map((r, i) => ({ quarter: i + 2, change: r.profit - records[i]!.profit }));
      const largest = Math.max(...changes.map((c) => Math.abs(c.change)));
      const q = changes.find((c) => Math.abs(c.change) === largest)!.quarter;
      expect(f.quarter, where).toBe(q);
      expect([f.profitBefore, f.profit, f.change], where).toEqual([records[q - 2]!.profit, records[q - 1]!.profit, records[q - 1]!.profit - records[q - 2]!.profit]);
      expect(f.meanQuarterRevenue, where).toBe(Math.max(1, Math.round(totalRevenue / records.length)));
      expect(lesson.size, where).toBe(r4(largest / f.meanQuarterRevenue!));
      for (const figure of [Math.abs(f.change!), f.profitBefore!, f.profit!]) expect(lesson.text, where).toContain(money(figure));
      // The cause named is a link of that swing's chain, and it pushed profit the way it went.
      const chain = debrief.swings.find((s) => s.measure === 'profit' && s.quarter === q)!.chain;
      if (chain.length === 0) break;
      const cause = chain.find((l) => l.kind === lesson.codes.cause && lesson.text.includes(l.text));
      expect(cause, where).toBeDefined();
      if (cause!.kind === 'account-lost' || cause!.kind === 'revenue-ended') expect(f.change, where).toBeLessThan(0);
      if (cause!.kind === 'account-won') expect(f.change, where).toBeGreaterThan(0);
      if (cause!.kind === 'line-change' || cause!.kind === 'line-loss') expect(Math.sign(cause!.figures!.profit! - cause!.figures!.profitBefore!), where).toBe(Math.sign(f.change!));
      // Keeping the line changed nothing: it is named only when nothing else in the chain is.
      if (cause!.kind === 'decision' && state.dispute!.option === 'keep') expect(chain.every((l) => l.kind === 'decision'), where).toBe(true);
      if (cause!.kind === 'decision') expect(lesson.next, where).toBeNull();
      if (f.change! > 0) expect(lesson.next, where).toBeNull();
      break;
    }
    case 'split': {
      const side = (s: string) => (k: MoveKind) => MOVE_INFO[k].side === s;
      const marketing = points(steps, side('marketing'));
      const sales = points(steps, side('sales'));
      const joint = points(steps, side('joint'));
      expect([f.marketingPoints, f.salesPoints, f.jointPoints], where).toEqual([marketing, sales, joint]);
      expect(f.marketingShare, where).toBe(r4(marketing / (marketing + sales + joint)));
      expect(f.score, where).toBe(score);
      const noMarketing = marketing > 0 ? without(scenario, seed, steps, side('marketing')).score : score;
      const noSales = sales > 0 ? without(scenario, seed, steps, side('sales')).score : score;
      expect([f.scoreWithoutMarketing, f.scoreWithoutSales], where).toEqual([noMarketing, noSales]);
      expect([f.marketingWorth, f.salesWorth], where).toEqual([r2(score - noMarketing), r2(score - noSales)]);
      expect(lesson.size, where).toBe(r4(Math.abs(f.marketingWorth! - f.salesWorth!) / par));
      expect(lesson.text, where).toContain(`${marketing} point`);
      if (marketing > 0) expect(lesson.text, where).toContain(shown(noMarketing));
      if (sales > 0) expect(lesson.text, where).toContain(shown(noSales));
      expect(lesson.next, where).not.toBeNull();
      break;
    }
    case 'moves': {
      // Every kind the game spent at least 4 points on, played again without it.
      const measured = MOVE_KINDS.flatMap((kind) => {
        const spent = points(steps, (k) => k === kind);
        if (spent < 4) return [];
        const other = without(scenario, seed, steps, (k) => k === kind).score;
        const worth = r2(score - other);
        return [{ kind, spent, other, worth, perPoint: r4(worth / spent) }];
      });
      const best = measured.find((m) => m.kind === lesson.codes.best)!;
      const worst = measured.find((m) => m.kind === lesson.codes.worst)!;
      expect(f.kindsMeasured, where).toBe(measured.length);
      expect(best.perPoint, where).toBe(Math.max(...measured.map((m) => m.perPoint)));
      expect(worst.perPoint, where).toBe(Math.min(...measured.map((m) => m.perPoint)));
      expect([f.bestPoints, f.bestWorth, f.bestWorthPerPoint, f.worstPoints, f.worstWorth, f.worstWorthPerPoint], where).toEqual([best.spent, best.worth, best.perPoint, worst.spent, worst.worth, worst.perPoint]);
      expect([f.score, f.scoreWithoutBest, f.scoreWithoutWorst], where).toEqual([score, best.other, worst.other]);
      expect(lesson.size, where).toBe(r4(((best.perPoint - worst.perPoint) * Math.min(best.spent, worst.spent)) / par));
      expect(lesson.text, where).toContain(`${best.spent} point`);
      expect(lesson.text, where).toContain(`${worst.spent} point`);
      break;
    }
    case 'dispute': {
      const d = state.dispute!;
      expect(d.option, where).not.toBeNull();
      const played: { option: DisputeOption; score: number; totalProfit: number }[] = [];
      for (const option of FINAL_DISPUTE_OPTIONS) {
        if (isActualChoice(steps, option)) continue;
        try {
          const fork = forkAtDispute(scenario, seed, steps, option);
          played.push({ option, score: fork.fork.score.total, totalProfit: fork.fork.totalProfit });
        } catch (error) {
          expect(error).toBeInstanceOf(DebriefError);
        }
      }
      const best = Math.max(...played.map((p) => p.score));
      const compared = played.find((p) => p.option === lesson.codes.alternative)!;
      expect(compared, where).toBeDefined();
      expect([f.alternativeScore, f.alternativeTotalProfit, f.alternativesTried], where).toEqual([best, compared.totalProfit, played.length]);
      expect(compared.score, where).toBe(best);
      expect(f.scoreDifference, where).toBe(r2(best - score));
      expect([f.score, f.totalProfit, f.anchorStrength, f.decidedInQuarter], where).toEqual([score, totalProfit, d.anchorStrength, d.decidedInQuarter]);
      expect(lesson.codes.decision, where).toBe(d.option);
      expect(f.accountLost, where).toBe(state.accounts.find((a) => a.id === d.account)!.lostInQuarter === null ? 0 : 1);
      expect(lesson.size, where).toBe(r4(Math.abs(f.scoreDifference!) / par));
      expect(lesson.text, where).toContain(shown(best));
      expect(lesson.next === null, where).toBe(f.scoreDifference! <= 0);
      break;
    }
    case 'closing':
    case 'discounting': {
      const kind = lesson.kind;
      const spent = points(steps, (k) => k === kind);
      expect(spent, where).toBeGreaterThan(0);
      expect(f.points, where).toBe(spent);
      expect(f.quarters, where).toBe(steps.filter((s) => s.moves.some((m) => m.kind === kind)).length);
      const other = without(scenario, seed, steps, (k) => k === kind);
      expect([f.score, f.scoreWithout, f.totalProfit, f.totalProfitWithout], where).toEqual([score, other.score, totalProfit, other.totalProfit]);
      expect(f.worth, where).toBe(r2(score - other.score));
      expect(lesson.size, where).toBe(r4(Math.abs(f.worth!) / par));
      for (const text of [shown(other.score), shown(score), money(other.totalProfit), money(totalProfit)]) expect(lesson.text, where).toContain(text);
      expect(lesson.next === null, where).toBe(f.worth! >= 0);
      break;
    }
    case 'prospects': {
      expect(state.prospectsLeft, where).toBe(0);
      // The first quarter that ended with none left, step by step from the seed's start.
      let dry = 0;
      let at = createGame(scenario, seed);
      for (let n = 1; n <= steps.length && dry === 0; n++) {
        at = playStep(scenario, at, steps[n - 1]!);
        if (at.prospectsLeft === 0) dry = n;
      }
      expect(f.dryAfterQuarter, where).toBe(dry);
      const after = points(steps, (k) => k === 'prospecting', dry);
      expect([f.prospects, f.prospectingAfter], where).toEqual([scenario.market.prospects, after]);
      expect(f.quartersProspectingAfter, where).toBe(steps.slice(dry).filter((s) => s.moves.some((m) => m.kind === 'prospecting' && m.points > 0)).length);
      const effort = sum(records.map((r) => r.effortMarketing + r.effortSales + r.effortJoint));
      expect(lesson.size, where).toBe(r4(after / Math.max(1, effort)));
      expect(lesson.next === null, where).toBe(after === 0);
      break;
    }
    case 'lost-accounts': {
      const losses = records.flatMap((r) => r.losses.map((loss) => ({ quarter: r.quarter, loss })));
      const top = Math.max(...losses.map((l) => l.loss.revenueBefore));
      const biggest = losses.find((l) => l.loss.revenueBefore === top)!;
      const q = biggest.quarter;
      expect(lesson.codes.account, where).toBe(biggest.loss.account);
      expect([f.accountsLost, f.quarter, f.revenueBefore, f.ordinaryChurn, f.anchorChurn], where).toEqual([losses.length, q, top, biggest.loss.ordinaryChurn, biggest.loss.anchorChurn]);
      expect(top, where).toBe(records[q - 2]?.accountRevenue[state.accounts.findIndex((a) => a.id === biggest.loss.account)] ?? 0);
      expect(f.revenueAtThatRate, where).toBe(top * (scenario.quarters - q + 1));
      const calls = sum(steps.slice(0, q - 1).flatMap((s) => s.moves.filter((m) => (m.kind === 'relationship' || m.kind === 'service') && m.target === biggest.loss.account).map((m) => m.points)));
      expect(f.callPoints, where).toBe(calls);
      expect(lesson.size, where).toBe(r4(f.revenueAtThatRate! / Math.max(1, totalRevenue)));
      expect(lesson.text, where).toContain(accountName(scenario, state, biggest.loss.account));
      expect(lesson.text, where).toContain(money(top));
      expect(lesson.next === null, where).toBe(calls > 0);
      break;
    }
  }
}

/** Every lesson the game could tell holds, the three told are the largest, and the "Next time" comes from the first that has one. */
function checkLessons(scenario: Scenario, seed: number, steps: readonly Step[], debrief: Debrief): void {
  const state = playSteps(scenario, seed, steps);
  const where = `${scenario.id} seed ${seed}`;
  const candidates = lessonCandidates(scenario, seed, steps, replayGame(scenario, seed, steps), debrief.swings);
  for (const lesson of candidates) checkLesson(scenario, seed, steps, state, debrief, lesson);
  for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1]!.size, where).toBeGreaterThanOrEqual(candidates[i]!.size);
  // The three largest, one to a subject: a swing whose first cause is the account lost (or the
  // dispute's decision, or closing) and the lesson on that account (the dispute, closing) are one.
  const subject = (l: Lesson) =>
    l.kind === 'lost-accounts'
      ? `account:${l.codes.account}`
      : l.kind === 'closing' || l.kind === 'discounting'
        ? `kind:${l.kind}`
        : l.kind === 'moves'
          ? `kind:${l.codes.worst}`
          : l.kind !== 'swing'
            ? l.kind
        : ['decision', 'discontinued', 'morale'].includes(l.codes.cause!)
          ? 'dispute'
          : ['account-lost', 'revenue-ended'].includes(l.codes.cause!)
            ? `account:${debrief.swings.find((s) => s.measure === 'profit' && s.quarter === l.figures.quarter)!.chain.find((c) => c.kind === l.codes.cause && l.text.includes(c.text))!.account}`
            : l.codes.cause === 'pull-forward'
              ? 'kind:closing'
              : l.codes.cause === 'discount'
                ? 'kind:discounting'
                : 'swing';
  for (const l of candidates) expect(l.codes.subject, where).toBe(subject(l));
  const told: Lesson[] = [];
  for (const l of candidates) if (told.length < 3 && !told.some((t) => subject(t) === subject(l))) told.push(l);
  expect(debrief.lessons, where).toEqual(told);
  expect(new Set(candidates.map((l) => l.kind)).size, where).toBe(candidates.length);
  // A kind is a candidate exactly when the game has what it speaks of.
  const kinds = candidates.map((l) => l.kind);
  const has = (kind: MoveKind) => steps.some((s) => s.moves.some((m) => m.kind === kind));
  expect(kinds.includes('closing'), where).toBe(has('closing'));
  expect(kinds.includes('discounting'), where).toBe(has('discounting'));
  expect(kinds.includes('prospects'), where).toBe(state.prospectsLeft === 0);
  expect(kinds.includes('lost-accounts'), where).toBe(state.history.some((r) => r.losses.length > 0));
  expect(kinds.includes('swing'), where).toBe(debrief.swings.some((s) => s.measure === 'profit'));
  const source = debrief.lessons.find((l) => l.next !== null) ?? candidates.find((l) => l.next !== null);
  if (source) expect(debrief.nextTime, where).toEqual({ from: source.kind, text: source.next, figures: source.figures });
  else expect(debrief.nextTime, where).toBeNull();
  for (const lesson of candidates) if (lesson.next !== null) expect(lesson.next, where).toMatch(/^Next time, try /);
}

describe('the debrief’s lessons', () => {
  it('two-hats: 8 seeds × every bot × two ways to settle the dispute — every figure of every lesson holds', () => {
    const scenario = loadShipped('two-hats');
    const seen = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      for (const bot of BOTS) {
        for (const option of [undefined, 'discontinue'] as const) {
          const { steps } = playBot(scenario, seed, bot, option ? { disputeOption: option } : {});
          const debrief = buildDebrief(scenario, seed, steps);
          checkLessons(scenario, seed, steps, debrief);
          expect(debrief.lessons).toHaveLength(3);
          expect(debrief.nextTime).not.toBeNull();
          for (const l of lessonCandidates(scenario, seed, steps, replayGame(scenario, seed, steps), debrief.swings)) seen.add(l.kind);
        }
      }
    }
    // Every kind of lesson was reached and checked.
    expect([...seen].sort()).toEqual(['closing', 'discounting', 'dispute', 'lost-accounts', 'moves', 'prospects', 'split', 'swing']);
  });

  it.each(['solo-founder', 'divisions'])('%s: 5 seeds × every bot — every figure of every lesson holds', (id) => {
    const scenario = loadShipped(id);
    for (let seed = 1; seed <= 5; seed++) {
      for (const bot of BOTS) {
        const { steps } = playBot(scenario, seed, bot);
        const debrief = buildDebrief(scenario, seed, steps);
        checkLessons(scenario, seed, steps, debrief);
        expect(debrief.lessons).toHaveLength(3);
      }
    }
  });

  it('different games get different lessons, picked by size rather than in a fixed order', () => {
    const scenario = loadShipped('two-hats');
    const lessonsOf = (seed: number, bot: string) => buildDebrief(scenario, seed, playBot(scenario, seed, botNamed(bot)!).steps).lessons;
    // One seed, two ways of playing it.
    const a = lessonsOf(1, 'all-marketing');
    const b = lessonsOf(1, 'balanced');
    expect(a.map((l) => l.text)).not.toEqual(b.map((l) => l.text));
    expect(a.map((l) => l.kind)).not.toEqual(b.map((l) => l.kind));
    // One way of playing, two seeds.
    expect(lessonsOf(1, 'balanced').map((l) => l.text)).not.toEqual(lessonsOf(2, 'balanced').map((l) => l.text));
    // Over many games the lesson told first is of several kinds, and so is the "Next time".
    const first = new Set<string>();
    const next = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      for (const bot of BOTS) {
        const debrief = buildDebrief(scenario, seed, playBot(scenario, seed, bot).steps);
        first.add(debrief.lessons[0]!.kind);
        next.add(debrief.nextTime!.text);
      }
    }
    expect(first.size).toBeGreaterThanOrEqual(3);
    expect(next.size).toBeGreaterThanOrEqual(5);
  });

  it('a game whose dispute never opens has no dispute lesson, and its other lessons hold', () => {
    const scenario = loadShipped('two-hats');
    const calm: Scenario = { ...scenario, events: scenario.events.filter((e) => !e.effects.some((x) => x.type === 'dispute')) };
    for (let seed = 1; seed <= 4; seed++) {
      for (const bot of BOTS) {
        const { steps } = playBot(calm, seed, bot);
        const debrief = buildDebrief(calm, seed, steps);
        checkLessons(calm, seed, steps, debrief);
        expect(lessonCandidates(calm, seed, steps, replayGame(calm, seed, steps), debrief.swings).map((l) => l.kind)).not.toContain('dispute');
      }
    }
  });

  it('an idle game (no moves) has no split to tell and still gives lessons whose figures hold', () => {
    const scenario = loadShipped('two-hats');
    const idle = { name: 'idle', description: 'Does nothing.', decide: () => ({ moves: [] }), settleDispute: () => 'keep' as const };
    const { steps } = playBot(scenario, 5, idle);
    const debrief = buildDebrief(scenario, 5, steps);
    checkLessons(scenario, 5, steps, debrief);
    expect(debrief.lessons.map((l) => l.kind)).not.toContain('split');
  });
});
