// The ideas the game teaches (DESIGN.md, "What the game teaches", 1–7), each tied to what
// happened in this game: the evidence sentence and its figures are computed from the replay's
// records and states. An idea the game cannot speak to (no dispute opened, no demand shift, a
// firm that is not one person) is left out rather than filled with generic text.
import { anchorChurn, ANCHOR_CHURN_QUARTERS, CONVERSION_COLLABORATION_BASE, MIGRATION_RELIEF, REPRICE_STRAIN } from '../sim/model';
import { type Scenario } from '../sim/index';
import { DISPUTE_OPTION_TEXT } from './dispute-text';
import { listOf, money, percent, productName, quarterLabel as Q, round4, segmentName } from './format';
import { firedDuring, type PlayedQuarter, type ReplayedGame } from './replay';
import type { DisputeSummary, IdeaNote } from './types';

export const IDEA_TITLES: Record<number, string> = {
  1: 'Sales centres on people and the short run',
  2: 'Marketing centres on the product line and the long run',
  3: 'Each needs the other',
  4: 'Discontinue or keep: neither side is always right',
  5: 'Respect for each other’s knowledge serves the shared goals',
  6: 'One person still wears both hats',
  7: 'The firm that adjusts to shifting needs wins',
};

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);

function movePoints(game: ReplayedGame, kind: string, quarters: readonly PlayedQuarter[] = game.quarters): number {
  let total = 0;
  for (const played of quarters) for (const move of played.step.moves) if (move.kind === kind) total += move.points;
  return total;
}

/** Effort totals over the game, as recorded (dispute effort included). */
export function effortTotals(game: ReplayedGame): { marketing: number; sales: number; joint: number } {
  const records = game.quarters.map((p) => p.record);
  return {
    marketing: sum(records.map((r) => r.effortMarketing)),
    sales: sum(records.map((r) => r.effortSales)),
    joint: sum(records.map((r) => r.effortJoint)),
  };
}

function ideaSales(scenario: Scenario, game: ReplayedGame): IdeaNote {
  const effort = effortTotals(game);
  const accounts = game.final.accounts;
  let startingRevenue = 0;
  let wonRevenue = 0;
  for (const played of game.quarters) {
    played.record.accountRevenue.forEach((revenue, slot) => {
      if (accounts[slot]!.wonInQuarter === 0) startingRevenue += revenue;
      else wonRevenue += revenue;
    });
  }
  const losses = game.quarters.flatMap((p) => p.record.losses);
  const won = sum(game.quarters.map((p) => p.record.newAccounts.length));
  const relationshipPoints = movePoints(game, 'relationship');
  const servicePoints = movePoints(game, 'service');
  const lostPerQuarter = sum(losses.map((l) => l.revenueBefore));
  const starting = accounts.filter((a) => a.wonInQuarter === 0).length;
  const carry = scenario.model.relationshipCarryover;
  return {
    idea: 1,
    title: IDEA_TITLES[1]!,
    evidence:
      `Sales works on people: you spent ${effort.sales} points on sales over ${game.quarters.length} quarters, ${relationshipPoints} of them on relationships and ${servicePoints} on service. ` +
      `The ${starting} accounts you started with bought ${money(startingRevenue)}; the ${won} you won bought ${money(wonRevenue)}. ` +
      `${losses.length} account${losses.length === 1 ? '' : 's'} left, taking ${money(lostPerQuarter)} a quarter of purchases with them. ` +
      `This revenue is the short run sales is rewarded on: calls pay in the quarter they are made, and a relationship keeps only ${percent(carry)} of itself from one quarter to the next without them.`,
    figures: {
      salesEffort: effort.sales,
      relationshipPoints,
      servicePoints,
      startingAccounts: starting,
      startingAccountRevenue: startingRevenue,
      accountsWon: won,
      wonAccountRevenue: wonRevenue,
      accountsLost: losses.length,
      lostRevenuePerQuarter: lostPerQuarter,
      relationshipCarryover: carry,
    },
  };
}

function ideaMarketing(scenario: Scenario, game: ReplayedGame): IdeaNote {
  const effort = effortTotals(game);
  const campaignPoints = movePoints(game, 'campaign');
  const lines = scenario.products.map((p, i) => ({
    id: p.id,
    name: p.name,
    profit: sum(game.quarters.map((q) => q.record.products[i]!.profit)),
  }));
  const ranked = [...lines].sort((a, b) => b.profit - a.profit);
  const losing = lines.filter((l) => l.profit < 0);
  const last = game.quarters[game.quarters.length - 1]!.record;
  const meanGoodwill = (products: readonly { goodwill: number }[]) => round4(sum(products.map((p) => p.goodwill)) / Math.max(1, products.length));
  const goodwillStart = meanGoodwill(game.initial.products);
  const goodwillEnd = meanGoodwill(game.final.products);
  const figures: Record<string, number> = {
    marketingEffort: effort.marketing,
    campaignPoints,
    losingLines: losing.length,
    portfolioHealth: last.score.portfolioHealth,
    goodwillStart,
    goodwillEnd,
    goodwillDecay: scenario.model.goodwillDecay,
  };
  for (const l of lines) figures[`profit:${l.id}`] = l.profit;
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  return {
    idea: 2,
    title: IDEA_TITLES[2]!,
    evidence:
      `Marketing works on the product line: you spent ${effort.marketing} points on marketing, ${campaignPoints} of them on campaigns. ` +
      `Over the game ${best.name} made ${money(best.profit)} and ${worst.name} ${money(worst.profit)}; ` +
      `${losing.length === 0 ? 'no line lost money overall' : `${listOf(losing.map((l) => l.name))} lost money overall`}. ` +
      `Portfolio health (the share of revenue earned by profitable lines) ended at ${Math.round(last.score.portfolioHealth)}%. ` +
      `Goodwill, the stock campaigns build, went from ${percent(goodwillStart)} to ${percent(goodwillEnd)} on average: it decays by ${percent(scenario.model.goodwillDecay)} a quarter, so it pays slowly and lasts.`,
    figures,
  };
}

function ideaEachNeedsTheOther(scenario: Scenario, game: ReplayedGame): IdeaNote {
  const effort = effortTotals(game);
  const all = effort.marketing + effort.sales + effort.joint;
  const prospecting = movePoints(game, 'prospecting');
  let won = 0;
  let wonWithBoth = 0;
  let quartersWithBoth = 0;
  game.quarters.forEach((played, i) => {
    const n = played.record.newAccounts.length;
    won += n;
    // Leads come from goodwill the quarter before's campaigns built; conversion from this quarter's prospecting.
    const marketingBefore = i > 0 ? game.quarters[i - 1]!.record.effortMarketing : 0;
    const both = marketingBefore > 0 && movePoints(game, 'prospecting', [played]) > 0;
    if (both) {
      quartersWithBoth++;
      wonWithBoth += n;
    }
  });
  const marketingShare = all > 0 ? round4(effort.marketing / all) : 0;
  const salesShare = all > 0 ? round4(effort.sales / all) : 0;
  return {
    idea: 3,
    title: IDEA_TITLES[3]!,
    evidence:
      `New accounts are leads (from marketing's goodwill) times conversion (from sales' prospecting and collaboration): neglect either and growth stops. ` +
      `You put ${percent(marketingShare)} of your effort into marketing and ${percent(salesShare)} into sales, ${prospecting} points of it on prospecting. ` +
      `You won ${won} account${won === 1 ? '' : 's'}, ${wonWithBoth} of them in the ${quartersWithBoth} quarter${quartersWithBoth === 1 ? '' : 's'} where marketing had worked the quarter before and sales prospected. ` +
      `The market held ${scenario.market.prospects} prospects; ${game.final.prospectsLeft} were never won.`,
    figures: {
      marketingEffort: effort.marketing,
      salesEffort: effort.sales,
      marketingShare,
      salesShare,
      prospectingPoints: prospecting,
      accountsWon: won,
      wonWithBoth,
      quartersWithBoth,
      prospects: scenario.market.prospects,
      prospectsLeft: game.final.prospectsLeft,
    },
  };
}

function ideaDispute(scenario: Scenario, game: ReplayedGame, summary: DisputeSummary): IdeaNote | null {
  const spec = scenario.dispute;
  const d = game.final.dispute;
  if (!spec || d === null || d.option === null || d.decidedInQuarter === null) return null;
  const at = d.decidedInQuarter;
  const decided = game.quarters[at - 1]!;
  const line = productName(scenario, d.product);
  const account = summary.accountName;
  const lineIndex = scenario.products.findIndex((p) => p.id === d.product);
  const lineProfitAfter = sum(game.quarters.slice(at - 1).map((p) => p.record.products[lineIndex]!.profit));
  const accountAtDecision = decided.start.accounts.find((a) => a.id === d.account);
  const relationship = accountAtDecision?.relationship ?? 0;
  // What discontinuing put (or would have put) on the account: the model's anchor churn at the decision.
  const risk = round4(anchorChurn(d.anchorStrength, relationship));
  const slot = game.final.accounts.findIndex((a) => a.id === d.account);
  const revenueBefore = at >= 2 ? (game.quarters[at - 2]!.record.accountRevenue[slot] ?? 0) : 0;
  const figures: Record<string, number> = {
    anchorStrength: d.anchorStrength,
    anchorMin: spec.anchor.min,
    anchorMax: spec.anchor.max,
    decidedInQuarter: at,
    accountLost: summary.accountLost ? 1 : 0,
    anchorChurnRisk: risk,
    anchorChurnQuarters: ANCHOR_CHURN_QUARTERS,
    lineProfitAfterDecision: lineProfitAfter,
    accountRevenueBefore: revenueBefore,
  };
  if (summary.lineProfitBeforeDecision !== null) figures.lineProfitBefore = summary.lineProfitBeforeDecision;
  if (summary.accountLostInQuarter !== null) figures.accountLostInQuarter = summary.accountLostInQuarter;
  if (summary.accountLoss) figures.lossAnchorChurn = summary.accountLoss.anchorChurn;
  const where = (d.anchorStrength - spec.anchor.min) / Math.max(1e-9, spec.anchor.max - spec.anchor.min);
  const strength = where < 1 / 3 ? 'weak' : where < 2 / 3 ? 'middling' : 'strong';
  let outcome: string;
  if (summary.accountLossCause === 'anchor') {
    outcome = `${account} left in ${Q(summary.accountLostInQuarter!)}; ${percent(summary.accountLoss!.anchorChurn)} of its risk of leaving that quarter came from ${d.option === 'reprice' ? 'the repricing\'s strain on its anchor' : 'the lost anchor'}, and it had been buying ${money(summary.accountLoss!.revenueBefore)} a quarter.`;
  } else if (summary.accountLossCause === 'ordinary') {
    outcome = `${account} left in ${Q(summary.accountLostInQuarter!)}, on its ordinary risk of leaving: no lost anchor added to it that quarter.`;
  } else if (summary.accountLossCause === 'before-dispute') {
    outcome = `${account} had already left in ${Q(summary.accountLostInQuarter!)}, before the dispute was settled.`;
  } else {
    outcome = `${account} stayed to the end.`;
  }
  const stake = `with its ${money(revenueBefore)} a quarter at stake`;
  const dropRisk = (verb: string) => `discontinuing at once ${verb} up to ${percent(risk)} on ${account}'s risk of leaving in each of the next ${ANCHOR_CHURN_QUARTERS} quarters, ${stake}`;
  let trade: string;
  if (summary.accountLossCause === 'before-dispute') {
    trade = `With ${account} gone, the anchor no longer mattered: the decision changed only ${line}'s own results (${money(lineProfitAfter)} from ${Q(at)} on).`;
  } else {
    switch (d.option) {
      case 'keep':
        trade = `Keeping ${line} meant its results from ${Q(at)} on (${money(lineProfitAfter)}); instead, ${dropRisk('would have put')}.`;
        break;
      case 'discontinue':
        trade = `Dropping ${line} ended its results (${money(lineProfitAfter)} from ${Q(at)} on), but ${dropRisk('put')}; keeping it would have meant carrying its losses.`;
        break;
      case 'phase-out':
        trade = `Phasing out ran ${line} two more quarters (${money(lineProfitAfter)} from ${Q(at)} on) while the migration plan cut the anchor's pull by ${percent(MIGRATION_RELIEF)}; ${dropRisk('would have put')}.`;
        break;
      case 'reprice':
        trade = `Repricing kept ${line} (${money(lineProfitAfter)} from ${Q(at)} on) but strained the anchor by ${percent(REPRICE_STRAIN)} of its strength for ${ANCHOR_CHURN_QUARTERS} quarters; ${dropRisk('would have put')}.`;
        break;
    }
  }
  return {
    idea: 4,
    title: IDEA_TITLES[4]!,
    evidence:
      `Hidden until now: ${account}'s anchor on ${line} was ${percent(d.anchorStrength)}, ${strength} within this scenario's range of ${percent(spec.anchor.min)}–${percent(spec.anchor.max)}. ` +
      `${summary.lineProfitBeforeDecision !== null ? `${line} made ${money(summary.lineProfitBeforeDecision)} in ${Q(at - 1)}. ` : ''}` +
      `You chose “${DISPUTE_OPTION_TEXT[d.option].label}” in ${Q(at)}${summary.heard ? ' after hearing both sides' : ''}${summary.estimate ? `, with an investigation's estimate of ${percent(summary.estimate.estimate)}` : ''}. ` +
      `${outcome} ${trade} ` +
      `Neither side is always right: on another seed the anchor could be anywhere in that range.`,
    figures,
  };
}

function ideaCollaboration(scenario: Scenario, game: ReplayedGame): IdeaNote {
  const records = game.quarters.map((p) => p.record);
  const start = scenario.firm.collaboration;
  const end = records[records.length - 1]!.collaboration;
  const mean = round4(sum(records.map((r) => r.collaboration)) / records.length);
  const alignment = movePoints(game, 'alignment');
  const d = game.final.dispute;
  const heard = d !== null && d.jointMeetingQuarter !== null;
  // Conversion scales with collaboration: this is the share of full-collaboration conversion reached.
  const scale = (c: number) => round4(CONVERSION_COLLABORATION_BASE + (1 - CONVERSION_COLLABORATION_BASE) * c);
  let decisionChange = 0;
  let decided = false;
  if (d !== null && d.decidedInQuarter !== null) {
    const q = game.quarters[d.decidedInQuarter - 1]!;
    decisionChange = round4(q.beforeMoves.collaboration - q.start.collaboration);
    decided = true;
  }
  const figures: Record<string, number> = {
    collaborationStart: start,
    collaborationEnd: end,
    collaborationMean: mean,
    alignmentPoints: alignment,
    jointMeeting: heard ? 1 : 0,
    conversionScaleMean: scale(mean),
    conversionScaleEnd: scale(end),
  };
  if (decided) figures.disputeCollaborationChange = decisionChange;
  const separate = scenario.firm.structure === 'divisions' ? 'Between separate divisions' : scenario.firm.structure === 'two-leads' ? 'Between your two leads' : 'Between your two hats';
  return {
    idea: 5,
    title: IDEA_TITLES[5]!,
    evidence:
      `${separate}, collaboration went from ${percent(start)} to ${percent(end)} (${percent(mean)} on average). ` +
      `Leads convert in proportion to it: on average they converted at ${percent(scale(mean))} of what full collaboration gives. ` +
      `You spent ${alignment} points on alignment meetings` +
      `${decided ? `; settling the dispute ${heard ? 'after a joint meeting' : 'without a joint meeting'} changed collaboration by ${decisionChange >= 0 ? '+' : '−'}${Math.abs(Math.round(decisionChange * 100))} points` : ''}.`,
    figures,
  };
}

function ideaSolo(game: ReplayedGame): IdeaNote {
  const effort = effortTotals(game);
  const oneHat = game.quarters.filter((p) => p.record.effortMarketing === 0 || p.record.effortSales === 0).length;
  return {
    idea: 6,
    title: IDEA_TITLES[6]!,
    evidence: `Alone, you still wore both hats: ${effort.marketing} points went to marketing and ${effort.sales} to sales. In ${oneHat} of ${game.quarters.length} quarters one hat stayed on the shelf.`,
    figures: { marketingEffort: effort.marketing, salesEffort: effort.sales, oneHatQuarters: oneHat },
  };
}

/** The first demand shift that made a segment grow, with the lines in that segment. */
function firstGrowth(scenario: Scenario, game: ReplayedGame): { quarter: number; title: string; segment: string; before: number; after: number; lines: number[] } | null {
  for (const played of game.quarters) {
    for (const id of firedDuring(played)) {
      const event = scenario.events.find((e) => e.id === id);
      if (!event) continue;
      for (const effect of event.effects) {
        if (effect.type !== 'shift-demand') continue;
        const before = played.start.segments.find((s) => s.id === effect.segment)?.demand ?? 0;
        const after = played.end.segments.find((s) => s.id === effect.segment)?.demand ?? 0;
        if (after <= before) continue;
        const lines = scenario.products.flatMap((p, i) => (p.segment === effect.segment ? [i] : []));
        return { quarter: played.quarter, title: event.title, segment: effect.segment, before, after, lines };
      }
    }
  }
  return null;
}

function ideaShift(scenario: Scenario, game: ReplayedGame): IdeaNote | null {
  const shift = firstGrowth(scenario, game);
  if (!shift || shift.lines.length === 0) return null;
  const ids = shift.lines.map((i) => scenario.products[i]!.id);
  const names = shift.lines.map((i) => scenario.products[i]!.name);
  const aimed = (played: PlayedQuarter) => {
    let points = 0;
    for (const m of played.step.moves) if ((m.kind === 'campaign' || m.kind === 'improve') && m.target !== undefined && ids.includes(m.target)) points += m.points;
    return points;
  };
  // Effort decided up to and including the shift's quarter was planned before anyone knew of it.
  const before = game.quarters.slice(0, shift.quarter);
  const after = game.quarters.slice(shift.quarter);
  const perQuarter = (qs: readonly PlayedQuarter[]) => (qs.length === 0 ? 0 : round4(sum(qs.map(aimed)) / qs.length));
  const effortBefore = perQuarter(before);
  const effortAfter = perQuarter(after);
  const lineRevenue = (played: PlayedQuarter) => sum(shift.lines.map((i) => played.record.products[i]!.revenue));
  const atShift = game.quarters[shift.quarter - 1]!;
  const last = game.quarters[game.quarters.length - 1]!;
  const share = (played: PlayedQuarter) => (played.record.revenue > 0 ? round4(lineRevenue(played) / played.record.revenue) : 0);
  const moved = after.length === 0 ? 'There was no quarter left to act on it.' : effortAfter > effortBefore ? 'You moved effort toward the growing lines.' : 'Your effort did not move toward the growing lines.';
  return {
    idea: 7,
    title: IDEA_TITLES[7]!,
    evidence:
      `“${shift.title}” in ${Q(shift.quarter)} raised demand in ${segmentName(scenario, shift.segment)} (${listOf(names)}) from ${round4(shift.before)} to ${round4(shift.after)}. ` +
      `Before it you put ${oneDecimal(effortBefore)} points a quarter into campaigns and improvements on ${names.length === 1 ? 'that line' : 'those lines'}; after it, ${oneDecimal(effortAfter)}. ${moved} ` +
      `${names.length === 1 ? 'Its' : 'Their'} share of revenue went from ${percent(share(atShift))} in ${Q(shift.quarter)} to ${percent(share(last))} in ${Q(last.quarter)} (${money(lineRevenue(atShift))} → ${money(lineRevenue(last))} a quarter).`,
    figures: {
      shiftQuarter: shift.quarter,
      demandBefore: shift.before,
      demandAfter: shift.after,
      effortBefore,
      effortAfter,
      revenueShareAtShift: share(atShift),
      revenueShareEnd: share(last),
      lineRevenueAtShift: lineRevenue(atShift),
      lineRevenueEnd: lineRevenue(last),
    },
  };
}

export function buildIdeas(scenario: Scenario, game: ReplayedGame, dispute: DisputeSummary | null): IdeaNote[] {
  const notes: (IdeaNote | null)[] = [
    ideaSales(scenario, game),
    ideaMarketing(scenario, game),
    ideaEachNeedsTheOther(scenario, game),
    dispute ? ideaDispute(scenario, game, dispute) : null,
    ideaCollaboration(scenario, game),
    scenario.firm.structure === 'solo' ? ideaSolo(game) : null,
    ideaShift(scenario, game),
  ];
  return notes.filter((n): n is IdeaNote => n !== null);
}
