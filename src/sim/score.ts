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
  const card = {
    profit: points(profit, targets.profit * share),
    revenue: points(revenue, targets.revenue * share),
    customerEquity: points(last.customerEquity, targets.customerEquity),
    portfolioHealth: round2(100 * portfolioHealth(last)),
    collaboration: round2((100 * collaboration) / played),
    total: 0,
  };
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
