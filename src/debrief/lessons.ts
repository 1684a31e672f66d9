// The debrief's opening: three lessons from this very game and one "Next time, try …", each
// sentence with the figures it states. Every candidate is measured on this game — from its
// records, or from the game played again on the same luck with something left out or decided
// otherwise — and the three largest are told, so two games get different lessons.
//
// The candidates, and how big each is (a share of the whole it belongs to, so they compare):
//  - swing: the quarter whose profit moved most and the first cause in its chain; the change
//    against the game's mean quarterly revenue.
//  - split: what the marketing moves and the sales moves were each worth (the game without each
//    side's moves); the gap between the two, in score points, against par.
//  - moves: of the kinds of move the game spent points on, the one whose points were worth most
//    and the one whose were worth least (the game without each kind); the gap between their
//    worth per point, over the points of the kind with fewer, against par.
//  - dispute: the decision against the best other decision at the same sitting (the same-draw
//    fork, src/debrief/fork.ts); the score gap against par.
//  - closing, discounting: the game without those moves; the score they made or cost against par.
//  - prospects: the market's prospects all won, and prospecting spent after that; those points
//    against the game's effort.
//  - lost-accounts: the biggest account that left, what it had been buying and the calls made on
//    it; that revenue over the rest of the game against the game's revenue.
import { MOVE_KINDS, type MoveKind, type Scenario, type Step } from '../sim/index';
import { DISPUTE_OPTION_TEXT } from './dispute-text';
import { forkAlternatives, forkAtDispute, isActualChoice, skippedBeforeDecision } from './fork';
import { accountNames, listOf, money, percent, points, productName, quarterLabel as Q, signedPoints } from './format';
import type { ReplayedGame } from './replay';
import type { ChainKind, ChainLink, Fork, Lesson, LessonKind, NextTime, Swing } from './types';
import { kindMoves, playWithout, sideMoves } from './without';

/** How many lessons the debrief opens with. */
export const LESSON_COUNT = 3;

/** The order lessons of the same size are told in. */
export const LESSON_KINDS: readonly LessonKind[] = ['swing', 'split', 'moves', 'dispute', 'closing', 'discounting', 'prospects', 'lost-accounts'];

/** One side's points pay clearly better than the other's when the gap is at least this share of the better one. */
export const PAYOFF_GAP = 0.25;

/** A kind of move is measured on its own once the game spent at least this many points on it. */
export const MIN_KIND_POINTS = 4;

/** Each kind of move as a sentence names it. */
const MOVE_NAMES: Readonly<Record<MoveKind, string>> = {
  campaign: 'campaigns',
  research: 'market research',
  improve: 'product improvement',
  price: 'price changes',
  brand: 'brand building',
  'portfolio-review': 'portfolio reviews',
  prospecting: 'prospecting',
  service: 'service',
  relationship: 'relationship building',
  referrals: 'asking for referrals',
  closing: 'closing',
  discounting: 'discounting',
  alignment: 'alignment meetings',
};

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const pts = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
const quarters = (n: number) => `${n} quarter${n === 1 ? '' : 's'}`;

/** What every candidate reads: the game, its final figures and the wholes sizes are measured against. */
interface Game {
  scenario: Scenario;
  seed: number;
  steps: readonly Step[];
  game: ReplayedGame;
  swings: readonly Swing[];
  score: number;
  totalProfit: number;
  totalRevenue: number;
  meanQuarterRevenue: number;
  totalEffort: number;
  /** Par, the whole a score difference is measured against (at least 1). */
  scoreWhole: number;
}

function movePoints(steps: readonly Step[], pick: (kind: MoveKind) => boolean): number {
  let total = 0;
  for (const step of steps) for (const move of step.moves) if (pick(move.kind)) total += move.points;
  return total;
}

/**
 * What a cause of a fall suggests trying; none where the cause is no one's choice to undo, nor for
 * the dispute's decision (the dispute's own lesson measures it against the other decisions).
 */
const NEXT_FOR_CAUSE: Partial<Record<ChainKind, string>> = {
  discontinued: 'Next time, try moving the account to other lines before a line stops: the fall began when the line stopped.',
  'account-lost': 'Next time, try relationship building and service on the accounts that buy most, before they slip: an account that leaves takes everything it buys with it, and this one had no calls from you.',
  event: 'Next time, try moving campaigns toward the segment whose demand shifted, in the quarter it shifts.',
  effort: 'Next time, try keeping each side’s effort steady from quarter to quarter: a cut shows in the results of the quarter after.',
  'pull-forward': 'Next time, try closing less: what closing pulls into one quarter the next one delivers short.',
  discount: 'Next time, try discounting less: customers learn to expect the discount and hold back when it stops.',
  morale: 'Next time, try hearing both sides before you decide the dispute: the morale after it scaled each side’s work.',
  relationships: 'Next time, try relationship calls on the accounts you have: relationships keep accounts, and customer equity counts on their staying.',
};

/** The lesson when the leads' morale (people) was the cause: it moves with every quarter's hearing, not only the dispute. */
const NEXT_FOR_LEADS_MORALE = 'Next time, try giving each lead some of what they ask for before a quarter, and hearing both before the dispute: their morale scales their side’s work.';

/**
 * Which way a link of quarter `quarter`'s chain pushed profit: +1 up, −1 down, 0 either (a
 * decision, a line stopping: the root of what follows) or not known from the link alone
 * (discounting sells more at less). Closing pulls orders into its own quarter and leaves the next short.
 */
export function linkDirection(link: ChainLink, quarter: number): number {
  const f = link.figures ?? {};
  const sign = (after: number | undefined, before: number | undefined) => Math.sign((after ?? 0) - (before ?? 0));
  switch (link.kind) {
    case 'account-lost':
    case 'revenue-ended':
      return -1;
    case 'account-won':
      return 1;
    case 'line-change':
    case 'line-loss':
      return sign(f.profit, f.profitBefore);
    case 'event':
      return sign(f.demand, f.demandBefore);
    case 'effort':
      return 'marketing' in f ? sign(f.marketing, f.marketingBefore) : sign(f.sales, f.salesBefore);
    case 'relationships':
      return sign(f.relationship, f.relationshipBefore);
    case 'morale':
      return Math.sign((f.marketingFactor ?? 1) + (f.salesFactor ?? 1) - 2);
    case 'pull-forward':
      return link.quarter === quarter ? 1 : -1;
    case 'decision':
    case 'discontinued':
    case 'discount':
      return 0;
  }
}

/**
 * The cause a swing's lesson names: the first link of its chain (decisions and losses come first)
 * that is a decision that changed the line or a line stopping, or that pushed profit the way it
 * went; else the first link. Keeping the line changed nothing, so it leads only when nothing else can.
 */
export function leadingCause(swing: Swing, keptLine: boolean): ChainLink | null {
  const direction = Math.sign(swing.change);
  const kept = (link: ChainLink) => link.kind === 'decision' && keptLine;
  const agrees = (link: ChainLink) => {
    if (link.kind === 'discontinued' || (link.kind === 'decision' && !keptLine)) return true;
    return linkDirection(link, swing.quarter) === direction;
  };
  return swing.chain.find(agrees) ?? swing.chain.find((link) => !kept(link)) ?? swing.chain[0] ?? null;
}

/** What a swing's cause is about, so the lesson on that very thing is not told twice. */
function subjectOf(cause: ChainLink): string {
  switch (cause.kind) {
    case 'decision':
    case 'discontinued':
    case 'morale':
      return 'dispute';
    case 'account-lost':
    case 'revenue-ended':
      return `account:${cause.account}`;
    case 'pull-forward':
      return 'kind:closing';
    case 'discount':
      return 'kind:discounting';
    default:
      return 'swing';
  }
}

function swingLesson(g: Game): Lesson | null {
  const profit = g.swings.filter((s) => s.measure === 'profit');
  if (profit.length === 0) return null;
  const swing = profit.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
  const cause = leadingCause(swing, g.game.final.dispute?.option === 'keep');
  const fell = swing.change < 0;
  return {
    kind: 'swing',
    size: round4(Math.abs(swing.change) / g.meanQuarterRevenue),
    title: `${Q(swing.quarter)}: profit’s biggest swing`,
    text:
      `Profit ${fell ? 'fell' : 'rose'} by ${money(Math.abs(swing.change))} in ${Q(swing.quarter)}, from ${money(swing.before)} to ${money(swing.after)}: more than in any other quarter.` +
      (cause ? ` Its first cause that way: ${cause.text}.` : ''),
    figures: { quarter: swing.quarter, profitBefore: swing.before, profit: swing.after, change: swing.change, meanQuarterRevenue: g.meanQuarterRevenue },
    codes: cause ? { cause: cause.kind, subject: subjectOf(cause) } : { subject: 'swing' },
    next: fell && cause && !(cause.kind === 'account-lost' && cause.account !== undefined && callsBefore(g, cause.account, swing.quarter) > 0) ? (cause.kind === 'morale' && cause.figures?.people === 1 ? NEXT_FOR_LEADS_MORALE : (NEXT_FOR_CAUSE[cause.kind] ?? null)) : null,
  };
}

/** "worth 4.5 score points" or "cost 2.0 score points". */
/** Score points per effort point, to two decimals: "0.46", "−0.04". */
const perPoint = (x: number) => `${x < 0 && Math.round(-x * 100) > 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;

const worthWords = (x: number) => (x < 0 ? `cost ${points(-x)} score points` : `were worth ${points(x)} score points`);

function splitLesson(g: Game): Lesson | null {
  const marketing = movePoints(g.steps, sideMoves('marketing'));
  const sales = movePoints(g.steps, sideMoves('sales'));
  const joint = movePoints(g.steps, sideMoves('joint'));
  if (marketing + sales === 0) return null;
  const all = marketing + sales + joint;
  const noMarketing = marketing > 0 ? playWithout(g.scenario, g.seed, g.steps, sideMoves('marketing')).score : g.score;
  const noSales = sales > 0 ? playWithout(g.scenario, g.seed, g.steps, sideMoves('sales')).score : g.score;
  const marketingWorth = round2(g.score - noMarketing);
  const salesWorth = round2(g.score - noSales);
  const perMarketing = marketing > 0 ? round4(marketingWorth / marketing) : 0;
  const perSales = sales > 0 ? round4(salesWorth / sales) : 0;
  const share = (n: number) => round4(n / all);
  const without =
    marketing === 0
      ? `${points(noSales)} without your sales moves`
      : sales === 0
        ? `${points(noMarketing)} without your marketing moves`
        : `${points(noMarketing)} without your marketing moves and ${points(noSales)} without your sales moves`;
  const against = `the game would have scored ${without}, against your ${points(g.score)}`;
  let worth: string;
  if (marketing === 0) worth = `your sales moves ${worthWords(salesWorth)} (${perPoint(perSales)} a point); nothing came from marketing’s side.`;
  else if (sales === 0) worth = `your marketing moves ${worthWords(marketingWorth)} (${perPoint(perMarketing)} a point); nothing came from sales’ side.`;
  else worth = `your marketing moves ${worthWords(marketingWorth)} (${perPoint(perMarketing)} a point), your sales moves ${worthWords(salesWorth)} (${perPoint(perSales)} a point).`;
  let next: string;
  if (marketing === 0) {
    next = 'Next time, try putting points into marketing too: new accounts are marketing’s leads times sales’ conversion, and campaigns pay in the quarters after.';
  } else if (sales === 0) {
    next = 'Next time, try putting points into sales too: calls keep and win the accounts that buy what marketing builds.';
  } else {
    const better = Math.max(perMarketing, perSales);
    const worse = Math.min(perMarketing, perSales);
    const [from, to] = perMarketing > perSales ? ['sales', 'marketing'] : ['marketing', 'sales'];
    next =
      better > 0 && better - worse >= PAYOFF_GAP * better
        ? `Next time, try moving some points from ${from} to ${to}: here a ${to} point was worth ${perPoint(better)} score points on average, a ${from} point ${perPoint(worse)}.`
        : `Next time, try keeping both sides at work as you did: here a marketing point was worth ${perPoint(perMarketing)} score points on average, a sales point ${perPoint(perSales)}.`;
  }
  return {
    kind: 'split',
    size: round4(Math.abs(marketingWorth - salesWorth) / g.scoreWhole),
    title: 'What marketing and sales each earned',
    text:
      `You put ${pts(marketing)} into marketing moves and ${pts(sales)} into sales moves (${percent(share(marketing))} and ${percent(share(sales))} of your moves’ points). ` +
      `Played again on the same luck, ${against}: ${worth}`,
    figures: {
      marketingPoints: marketing,
      salesPoints: sales,
      jointPoints: joint,
      marketingShare: share(marketing),
      salesShare: share(sales),
      score: g.score,
      scoreWithoutMarketing: noMarketing,
      scoreWithoutSales: noSales,
      marketingWorth,
      salesWorth,
      marketingWorthPerPoint: perMarketing,
      salesWorthPerPoint: perSales,
    },
    codes: { subject: 'split' },
    next,
  };
}

function movesLesson(g: Game): Lesson | null {
  const measured = MOVE_KINDS.flatMap((kind) => {
    const spent = movePoints(g.steps, kindMoves(kind));
    if (spent < MIN_KIND_POINTS) return [];
    const without = playWithout(g.scenario, g.seed, g.steps, kindMoves(kind)).score;
    const worth = round2(g.score - without);
    return [{ kind, spent, without, worth, perPoint: round4(worth / spent) }];
  });
  if (measured.length < 2) return null;
  const best = measured.reduce((a, b) => (b.perPoint > a.perPoint ? b : a));
  const worst = measured.reduce((a, b) => (b.perPoint < a.perPoint ? b : a));
  if (best === worst) return null;
  const name = (k: MoveKind) => MOVE_NAMES[k];
  const clear = best.perPoint > 0 && best.perPoint - worst.perPoint >= PAYOFF_GAP * best.perPoint;
  return {
    kind: 'moves',
    size: round4(((best.perPoint - worst.perPoint) * Math.min(best.spent, worst.spent)) / g.scoreWhole),
    title: `Your best and worst moves: ${name(best.kind)} and ${name(worst.kind)}`,
    text:
      `Kind by kind, on the same luck (each played again without it): your ${pts(best.spent)} of ${name(best.kind)} ${worthWords(best.worth)} (${perPoint(best.perPoint)} a point), the most of the ${measured.length} kinds you spent ${MIN_KIND_POINTS} points or more on; ` +
      `your ${pts(worst.spent)} of ${name(worst.kind)} ${worthWords(worst.worth)} (${perPoint(worst.perPoint)} a point), the least.`,
    figures: {
      kindsMeasured: measured.length,
      score: g.score,
      bestPoints: best.spent,
      scoreWithoutBest: best.without,
      bestWorth: best.worth,
      bestWorthPerPoint: best.perPoint,
      worstPoints: worst.spent,
      scoreWithoutWorst: worst.without,
      worstWorth: worst.worth,
      worstWorthPerPoint: worst.perPoint,
    },
    codes: { best: best.kind, worst: worst.kind, subject: `kind:${worst.kind}` },
    next: clear
      ? `Next time, try moving points from ${name(worst.kind)} to ${name(best.kind)}: here a point of ${name(best.kind)} was worth ${perPoint(best.perPoint)} score points on average, a point of ${name(worst.kind)} ${perPoint(worst.perPoint)}.`
      : null,
  };
}

function disputeLesson(g: Game): Lesson | null {
  const d = g.game.final.dispute;
  if (d === null || d.option === null || d.decidedInQuarter === null) return null;
  const alternatives = forkAlternatives(g.scenario, g.seed, g.steps).filter((o) => !isActualChoice(g.steps, o));
  if (alternatives.length === 0) return null;
  const forks: Fork[] = alternatives.map((o) => forkAtDispute(g.scenario, g.seed, g.steps, o));
  const best = forks.reduce((a, b) => (b.fork.score.total > a.fork.score.total ? b : a));
  const alt = best.fork;
  const difference = round2(alt.score.total - g.score);
  const line = productName(g.scenario, d.product);
  const account = accountNames(g.scenario, g.game.final).get(d.account) ?? d.account;
  const skipped = skippedBeforeDecision(g.steps, best.alternative);
  const altLabel = `“${DISPUTE_OPTION_TEXT[best.alternative].label}”${skipped === 'joint-meeting' ? ' without the meeting' : skipped === 'investigate' ? ' without the investigation' : ''}`;
  const before = d.jointMeetingQuarter !== null ? ' after a joint meeting' : d.investigation !== null ? ' after an investigation' : '';
  const yours = `“${DISPUTE_OPTION_TEXT[d.option].label}”${before}`;
  const fate = (lostIn: number | null, would: boolean) => (lostIn === null ? `${would ? 'would have stayed' : 'stayed'} to the end` : `${would ? 'would have left' : 'left'} in ${Q(lostIn)}`);
  const verdict =
    difference > 0
      ? `On the same luck and with your later moves, ${altLabel} would have scored ${points(alt.score.total)} (${signedPoints(difference)}) and made ${money(alt.totalProfit)} in total profit against your ${money(g.totalProfit)}; ${account} ${fate(alt.accountLostInQuarter, true)}.`
      : `Of the ${alternatives.length} other decision${alternatives.length === 1 ? '' : 's'} open at that sitting, none would have scored more on the same luck: the closest, ${altLabel}, would have scored ${points(alt.score.total)} (${signedPoints(difference)}).`;
  const heardFirst = d.jointMeetingQuarter !== null || d.investigation !== null;
  const next =
    difference <= 0
      ? null
      : heardFirst
        ? `Next time, try reading the anchor into the decision: at ${percent(d.anchorStrength)} here, ${altLabel} would have scored ${points(difference)} more than ${yours}.`
        : `Next time, try finding out what the account hangs on before you decide (an investigation, or a joint meeting that hears sales’ side): here its anchor was ${percent(d.anchorStrength)}, and ${altLabel} would have scored ${points(difference)} more.`;
  return {
    kind: 'dispute',
    size: round4(Math.abs(difference) / g.scoreWhole),
    title: 'The dispute decision, measured',
    text:
      `You settled the dispute over ${line} with ${yours} in ${Q(d.decidedInQuarter)}, and ${account} ${fate(g.game.final.accounts.find((a) => a.id === d.account)?.lostInQuarter ?? null, false)}; its hidden anchor on ${line} was ${percent(d.anchorStrength)}. ` +
      verdict,
    figures: {
      decidedInQuarter: d.decidedInQuarter,
      anchorStrength: d.anchorStrength,
      score: g.score,
      totalProfit: g.totalProfit,
      alternativeScore: alt.score.total,
      alternativeTotalProfit: alt.totalProfit,
      scoreDifference: difference,
      alternativesTried: alternatives.length,
      accountLost: best.original.accountLost ? 1 : 0,
      alternativeAccountLost: alt.accountLost ? 1 : 0,
    },
    codes: { decision: d.option, alternative: best.alternative, subject: 'dispute' },
    next,
  };
}

const MOVE_WORDS: Record<'closing' | 'discounting', { name: string; how: string; next: string }> = {
  closing: {
    name: 'closing',
    how: 'Closing pulls the next quarter’s orders into this one at a price concession, and the next quarter delivers them short.',
    next: 'Next time, try fewer closing points: what closing pulls into one quarter the next delivers short, at a price concession and some of the customers’ satisfaction.',
  },
  discounting: {
    name: 'discounting',
    how: 'Discounts sell more now at a lower price, and customers learn to expect them.',
    next: 'Next time, try discounting less: customers learn to expect the discount and hold back when it stops.',
  },
};

function moveLesson(g: Game, kind: 'closing' | 'discounting'): Lesson | null {
  const spent = movePoints(g.steps, kindMoves(kind));
  if (spent === 0) return null;
  const used = g.game.quarters.filter((p) => p.step.moves.some((m) => m.kind === kind)).map((p) => p.quarter);
  const without = playWithout(g.scenario, g.seed, g.steps, kindMoves(kind));
  const worth = round2(g.score - without.score);
  const words = MOVE_WORDS[kind];
  return {
    kind,
    size: round4(Math.abs(worth) / g.scoreWhole),
    title: `What ${words.name} ${worth < 0 ? 'cost' : 'earned'}`,
    text:
      `You spent ${pts(spent)} on ${words.name}, in ${listOf(used.map(Q))}. ${words.how} ` +
      `On the same luck, without it the game would have scored ${points(without.score)} against your ${points(g.score)} and made ${money(without.totalProfit)} in total profit against your ${money(g.totalProfit)}: ` +
      `${words.name} ${worth < 0 ? 'cost' : 'earned'} you ${points(Math.abs(worth))} score points.`,
    figures: { points: spent, quarters: used.length, score: g.score, scoreWithout: without.score, worth, totalProfit: g.totalProfit, totalProfitWithout: without.totalProfit },
    codes: { subject: `kind:${kind}` },
    next: worth < 0 ? words.next : null,
  };
}

function prospectsLesson(g: Game): Lesson | null {
  const dry = g.game.quarters.find((p) => p.end.prospectsLeft === 0);
  if (!dry) return null;
  const later = g.game.quarters.filter((p) => p.quarter > dry.quarter);
  const spentAfter = later.map((p) => sum(p.step.moves.filter((m) => m.kind === 'prospecting').map((m) => m.points)));
  const wasted = sum(spentAfter);
  const inQuarters = spentAfter.filter((n) => n > 0).length;
  const after =
    wasted > 0
      ? ` After that you still put ${pts(wasted)} into prospecting, in ${quarters(inQuarters)}: prospecting turns leads into accounts only while prospects are left.`
      : later.length > 0
        ? ' After that you put no more points into prospecting.'
        : '';
  return {
    kind: 'prospects',
    size: round4(wasted / Math.max(1, g.totalEffort)),
    title: `The market ran dry in ${Q(dry.quarter)}`,
    text: `All ${g.scenario.market.prospects} prospects the market held were won by the end of ${Q(dry.quarter)}.${after}`,
    figures: { prospects: g.scenario.market.prospects, dryAfterQuarter: dry.quarter, prospectingAfter: wasted, quartersProspectingAfter: inQuarters, totalEffort: g.totalEffort },
    codes: { subject: 'prospects' },
    next: wasted > 0 ? 'Next time, try moving prospecting points to relationship building and service once the market runs dry: the accounts you have are then all the growth there is.' : null,
  };
}

/** The relationship building and service points put into `account` before quarter `quarter`. */
function callsBefore(g: Game, account: string, quarter: number): number {
  let calls = 0;
  for (const p of g.game.quarters) {
    if (p.quarter >= quarter) break;
    for (const m of p.step.moves) if ((m.kind === 'relationship' || m.kind === 'service') && m.target === account) calls += m.points;
  }
  return calls;
}

function lostAccountLesson(g: Game): Lesson | null {
  const losses = g.game.quarters.flatMap((p) => p.record.losses.map((loss) => ({ quarter: p.quarter, loss })));
  if (losses.length === 0) return null;
  const biggest = losses.reduce((a, b) => (b.loss.revenueBefore > a.loss.revenueBefore ? b : a));
  const { quarter, loss } = biggest;
  const left = g.game.quarters.length - quarter + 1;
  const atThatRate = loss.revenueBefore * left;
  const calls = callsBefore(g, loss.account, quarter);
  const name = accountNames(g.scenario, g.game.final).get(loss.account) ?? loss.account;
  const carry = g.scenario.model.relationshipCarryover;
  const n = losses.length;
  const why =
    loss.anchorChurn > 0
      ? `a lost or strained anchor added ${percent(loss.anchorChurn)} to its ${percent(loss.ordinaryChurn)} ordinary risk of leaving`
      : `it left on a ${percent(loss.ordinaryChurn)} risk of leaving, from its relationship and satisfaction`;
  return {
    kind: 'lost-accounts',
    size: round4(atThatRate / Math.max(1, g.totalRevenue)),
    title: `${name} left in ${Q(quarter)}`,
    text:
      `The biggest of the ${n} account${n === 1 ? '' : 's'} that left, ${name}, went in ${Q(quarter)} with ${money(loss.revenueBefore)} a quarter of purchases: ` +
      `at that rate, ${money(atThatRate)} over the ${quarters(left)} left of the game. ${why[0]!.toUpperCase()}${why.slice(1)}; ` +
      (calls === 0 ? 'you had put no relationship building or service into it before.' : `you had put ${pts(calls)} of relationship building and service into it before.`),
    figures: { accountsLost: n, quarter, revenueBefore: loss.revenueBefore, quartersLeft: left, revenueAtThatRate: atThatRate, ordinaryChurn: loss.ordinaryChurn, anchorChurn: loss.anchorChurn, callPoints: calls, relationshipCarryover: carry },
    codes: { account: loss.account, subject: `account:${loss.account}` },
    next:
      calls === 0
        ? `Next time, try relationship building and service on the accounts that buy most, before they slip: without calls a relationship keeps only ${percent(carry)} of itself from one quarter to the next.`
        : null,
  };
}

/** Every lesson this game can teach, largest first (ties in LESSON_KINDS order). */
export function lessonCandidates(scenario: Scenario, seed: number, steps: readonly Step[], game: ReplayedGame, swings: readonly Swing[]): Lesson[] {
  const records = game.quarters.map((p) => p.record);
  const totalRevenue = sum(records.map((r) => r.revenue));
  const g: Game = {
    scenario,
    seed,
    steps,
    game,
    swings,
    score: records[records.length - 1]!.score.total,
    totalProfit: sum(records.map((r) => r.profit)),
    totalRevenue,
    meanQuarterRevenue: Math.max(1, Math.round(totalRevenue / records.length)),
    totalEffort: sum(records.map((r) => r.effortMarketing + r.effortSales + r.effortJoint)),
    scoreWhole: Math.max(1, scenario.scoring.par),
  };
  const all = [swingLesson(g), splitLesson(g), movesLesson(g), disputeLesson(g), moveLesson(g, 'closing'), moveLesson(g, 'discounting'), prospectsLesson(g), lostAccountLesson(g)];
  const lessons = all.filter((l): l is Lesson => l !== null);
  return lessons.sort((a, b) => b.size - a.size || LESSON_KINDS.indexOf(a.kind) - LESSON_KINDS.indexOf(b.kind));
}

/**
 * The lessons the debrief opens with — the largest, one to a subject (a swing whose cause is the
 * account lost, or the dispute decided, is that lesson already) — and its "Next time, try …": from
 * the largest lesson told that has one, else from the largest of the rest.
 */
export function buildLessons(scenario: Scenario, seed: number, steps: readonly Step[], game: ReplayedGame, swings: readonly Swing[]): { lessons: Lesson[]; nextTime: NextTime | null } {
  const candidates = lessonCandidates(scenario, seed, steps, game, swings);
  const lessons: Lesson[] = [];
  for (const lesson of candidates) {
    if (lessons.length < LESSON_COUNT && !lessons.some((told) => told.codes.subject === lesson.codes.subject)) lessons.push(lesson);
  }
  const source = lessons.find((l) => l.next !== null) ?? candidates.find((l) => l.next !== null);
  return { lessons, nextTime: source ? { from: source.kind, text: source.next!, figures: { ...source.figures } } : null };
}
