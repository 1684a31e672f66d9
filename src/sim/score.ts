// The balanced scorecard: profit and revenue (the short run, summed over the quarters played),
// customer equity and portfolio health (the long run, where the firm stands at the end) and
// collaboration (its average), each scaled to points by the scenario's targets and weighted
// by the scenario. No term rewards a balanced split as such: balance wins only through the
// outcomes the model produces.
import { SCORE_MAX, SCORE_MIN, clamp } from './model';
import type { QuarterRecord, Scenario, ScoreCard } from './types';

/** Share of the active lines' revenue earned by lines that made a profit this quarter (0–1). */
export function portfolioHealth(record: QuarterRecord): number {
  let total = 0;
  let healthy = 0;
  for (const ledger of record.products) {
    if (ledger.revenue <= 0 && ledger.fixedCost <= 0) continue;
    total += Math.max(ledger.revenue, ledger.fixedCost);
    if (ledger.profit >= 0) healthy += Math.max(ledger.revenue, ledger.fixedCost);
  }
  return total > 0 ? healthy / total : 0;
}

function points(value: number, target: number): number {
  return round2(clamp((100 * value) / target, SCORE_MIN, SCORE_MAX));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * How a component is measured: over the quarters played (the short run, its target prorated),
 * where the firm stands after the last quarter (the long run), or averaged over the game.
 */
export type ScoreRun = 'short' | 'long' | 'average';

/**
 * The scorecard's components in their one order: the card's fields, the weighted total's sum,
 * the screens' rows and the exports' columns all follow it. Codes only; the words are the app's.
 */
export const SCORE_COMPONENTS = [
  { key: 'profit', run: 'short' },
  { key: 'revenue', run: 'short' },
  { key: 'customerEquity', run: 'long' },
  { key: 'portfolioHealth', run: 'long' },
  { key: 'collaboration', run: 'average' },
] as const satisfies readonly { key: string; run: ScoreRun }[];

export type ScoreComponent = (typeof SCORE_COMPONENTS)[number]['key'];

// The table and the ScoreCard type name the same fields: a component added to one only fails here.
type CardComponent = Exclude<keyof ScoreCard, 'total'>;
const sameFields: [CardComponent] extends [ScoreComponent] ? ([ScoreComponent] extends [CardComponent] ? true : never) : never = true;
void sameFields;

/** The scorecard as if the game ended after the last record; short-run targets are prorated. */
export function scoreCard(scenario: Scenario, history: readonly QuarterRecord[]): ScoreCard {
  const played = history.length;
  const last = history[played - 1];
  if (!last) return { profit: 0, revenue: 0, customerEquity: 0, portfolioHealth: 0, collaboration: 0, total: 0 };
  let profit = 0;
  let revenue = 0;
  let collaboration = 0;
  for (const record of history) {
    profit += record.profit;
    revenue += record.revenue;
    collaboration += record.collaboration;
  }
  const share = played / scenario.quarters;
  const { targets, weights } = scenario.scoring;
  // The fields in the table's order, total last: the JSON export writes them as they stand.
  const card: ScoreCard = {
    profit: points(profit, targets.profit * share),
    revenue: points(revenue, targets.revenue * share),
    customerEquity: points(last.customerEquity, targets.customerEquity),
    portfolioHealth: round2(100 * portfolioHealth(last)),
    collaboration: round2((100 * collaboration) / played),
    total: 0,
  };
  // Summed left to right in the table's order (tests/app/score-table.test.ts holds the two
  // together): another order could move a total's last bit, and a result code's claimed score
  // must match its replay exactly. Written out rather than looped over the table by key: the
  // scorecard is worked out every quarter of every game, and keyed reads cost there.
  const weightSum = weights.profit + weights.revenue + weights.customerEquity + weights.portfolioHealth + weights.collaboration;
  card.total = round2(
    (weights.profit * card.profit +
      weights.revenue * card.revenue +
      weights.customerEquity * card.customerEquity +
      weights.portfolioHealth * card.portfolioHealth +
      weights.collaboration * card.collaboration) /
      weightSum,
  );
  return card;
}
