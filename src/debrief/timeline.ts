// The debrief's timeline: one row per quarter with the effort split, the key figures, the
// accounts won and lost, the events, and what was done about the dispute before that quarter.
// Every figure is the quarter's own record; names come from the scenario and the final state.
import type { Scenario } from '../sim/index';
import { accountNames, choiceLabel, phaseOutLabel } from './format';
import type { PlayedQuarter, ReplayedGame } from './replay';
import type { TimelineQuarter } from './types';

/** Labels for the dispute choices made before quarter `played`'s moves, in order, and a phase-out taking effect. */
function disputeLabels(scenario: Scenario, played: PlayedQuarter, names: Map<string, string>): string[] {
  const labels: string[] = [];
  const dispute = played.beforeMoves.dispute;
  if (dispute !== null) {
    const accountName = names.get(dispute.account) ?? dispute.account;
    // A sitting is at most a meeting then one decision or investigation, and only a decision's
    // label reads the states around it (the new price, the phase-out quarter): the state the
    // quarter began in and the state before its moves bracket it exactly.
    for (const option of played.record.disputeChoices) {
      labels.push(choiceLabel(scenario, option, dispute.product, accountName, played.start, played.beforeMoves));
    }
  }
  // A phased-out line stops at the start of phaseOutQuarter: the state this quarter began in shows it stopped.
  const d = played.start.dispute;
  if (d !== null && d.phaseOutQuarter === played.quarter) {
    const line = played.start.products.find((p) => p.id === d.product);
    if (line && !line.active && line.discontinuedInQuarter === played.quarter) labels.push(phaseOutLabel(scenario, d.product));
  }
  return labels;
}

export function buildTimeline(scenario: Scenario, game: ReplayedGame): TimelineQuarter[] {
  const names = accountNames(scenario, game.final);
  const nameOf = (id: string) => names.get(id) ?? id;
  return game.quarters.map((played) => {
    const r = played.record;
    return {
      quarter: r.quarter,
      effort: { marketing: r.effortMarketing, sales: r.effortSales, joint: r.effortJoint },
      revenue: r.revenue,
      profit: r.profit,
      cash: r.cash,
      customerEquity: r.customerEquity,
      collaboration: r.collaboration,
      activeAccounts: r.activeAccounts,
      won: r.newAccounts.map(nameOf),
      lost: r.lostAccounts.map(nameOf),
      events: [...r.events],
      dispute: disputeLabels(scenario, played, names),
      score: r.score.total,
    };
  });
}
