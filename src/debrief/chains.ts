// The debrief's causal explanations: the quarters with the largest swings in profit, revenue,
// customer equity and active accounts, each with the chain of what the model recorded behind
// it — a dispute decision, a line stopping, the accounts that left (and the churn split they
// left on), their lost purchases, accounts won, line P&L changes, demand shifts, changes in the
// effort split, closing's pull-forward and the morale after the decision. Nothing here is keyed
// on the outcome: every link is read from the records, the losses and the states of the replay.
import { moraleFactors, type GameState, type Scenario } from '../sim/index';
import { accountNames, listOf, money, percent, price, productName, quarterLabel as Q, round4, segmentName, signedMoney } from './format';
import { pullForwardOf } from './pull-forward';
import { firedDuring, type PlayedQuarter, type ReplayedGame } from './replay';
import type { ChainLink, Swing, SwingMeasure } from './types';

export const SWING_MEASURES: readonly SwingMeasure[] = ['profit', 'revenue', 'customerEquity', 'accounts'];

/** How many swings per measure the debrief explains, largest first. */
export const SWINGS_PER_MEASURE: Record<SwingMeasure, number> = { profit: 3, revenue: 3, customerEquity: 2, accounts: 2 };

/** A change counts as a swing when it is at least this share of the measure's mean level over the game. */
export const SWING_SHARE = 0.1;

/** Accounts swings need at least this many accounts of net change. */
export const SWING_MIN_ACCOUNTS = 2;

/** A line's change is part of a money swing's chain when it is at least this share of the swing. */
export const LINE_SHARE = 0.15;

/** A change in a side's effort of at least this many points is worth a link. */
export const EFFORT_STEP = 2;

/** A change in the active accounts' mean relationship worth a link in a customer-equity swing. */
export const RELATIONSHIP_STEP = 0.02;

const pts = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

const MEASURE_WORDS: Record<SwingMeasure, string> = {
  profit: 'Profit',
  revenue: 'Revenue',
  customerEquity: 'Customer equity',
  accounts: 'Active accounts',
};

export function measureOf(record: PlayedQuarter['record'], measure: SwingMeasure): number {
  switch (measure) {
    case 'profit':
      return record.profit;
    case 'revenue':
      return record.revenue;
    case 'customerEquity':
      return record.customerEquity;
    case 'accounts':
      return record.activeAccounts;
  }
}

/** The quarters whose change in `measure` from the quarter before is large enough, largest first. */
export function swingQuarters(game: ReplayedGame, measure: SwingMeasure): number[] {
  const values = game.quarters.map((p) => measureOf(p.record, measure));
  if (values.length < 2) return [];
  let level = 0;
  for (const v of values) level += Math.abs(v);
  level /= values.length;
  const threshold = measure === 'accounts' ? Math.max(SWING_MIN_ACCOUNTS, SWING_SHARE * level) : Math.max(1, SWING_SHARE * level);
  const candidates: { quarter: number; size: number }[] = [];
  for (let i = 1; i < values.length; i++) {
    const size = Math.abs(values[i]! - values[i - 1]!);
    if (size >= threshold) candidates.push({ quarter: i + 1, size });
  }
  candidates.sort((a, b) => b.size - a.size || a.quarter - b.quarter);
  return candidates.slice(0, SWINGS_PER_MEASURE[measure]).map((c) => c.quarter);
}

const pointsOf = (played: PlayedQuarter, kind: string) => {
  let total = 0;
  for (const move of played.step.moves) if (move.kind === kind) total += move.points;
  return total;
};

/** The dispute decision (and a phase-out's stop) behind a line's change or an anchored loss in quarter q. */
function originLinks(scenario: Scenario, game: ReplayedGame, product: string, q: number): ChainLink[] {
  const links: ChainLink[] = [];
  const name = productName(scenario, product);
  const d = game.final.dispute;
  const now = game.quarters[q - 1]!.beforeMoves.products.find((p) => p.id === product);
  if (d !== null && d.product === product && d.option !== null && d.decidedInQuarter !== null && d.decidedInQuarter <= q) {
    const at = d.decidedInQuarter;
    const decided = game.quarters[at - 1]!;
    const figures: Record<string, number> = {};
    const before = at >= 2 ? game.quarters[at - 2]!.record.products.find((l) => l.product === product) : undefined;
    if (before) figures.lineProfitBefore = before.profit;
    let text: string;
    switch (d.option) {
      case 'discontinue':
        text = `You discontinued ${name} in ${Q(at)}`;
        break;
      case 'keep':
        text = `You kept ${name} in ${Q(at)}`;
        break;
      case 'reprice': {
        const from = decided.start.products.find((p) => p.id === product)!.price;
        const to = decided.beforeMoves.products.find((p) => p.id === product)!.price;
        figures.priceBefore = from;
        figures.price = to;
        text = `You repriced ${name} in ${Q(at)}, from ${price(from)} to ${price(to)} a unit`;
        break;
      }
      case 'phase-out':
        text = `You chose to phase out ${name} in ${Q(at)}, with a migration plan for ${accountNames(scenario, game.final).get(d.account) ?? d.account}`;
        break;
    }
    if (d.jointMeetingQuarter !== null) text += ' after a joint meeting';
    if (d.investigation !== null) {
      figures.estimate = d.investigation.estimate;
      text += `${d.jointMeetingQuarter !== null ? ' and' : ''} after an investigation estimated the anchor at ${percent(d.investigation.estimate)}`;
    }
    if (before) text += ` (the line had made ${money(before.profit)} in ${Q(at - 1)})`;
    links.push({ quarter: at, kind: 'decision', text, figures, product });
    if (d.option === 'phase-out' && d.phaseOutQuarter !== null && d.phaseOutQuarter <= q && now && !now.active) {
      links.push({ quarter: d.phaseOutQuarter, kind: 'discontinued', text: `${name} stopped at the start of ${Q(d.phaseOutQuarter)}, as the phase-out planned`, product });
    }
  } else if (now && !now.active && now.discontinuedInQuarter !== null) {
    links.push({ quarter: now.discontinuedInQuarter, kind: 'discontinued', text: `${name} was discontinued in ${Q(now.discontinuedInQuarter)}`, product });
  }
  return links;
}

/** The lines whose dispute decision or stopping lies behind quarter q: anchored losses, a line stopping, a decision made before q. */
function linesToTrace(game: ReplayedGame, q: number): string[] {
  const played = game.quarters[q - 1]!;
  const out: string[] = [];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  for (const loss of played.record.losses) if (loss.anchorChurn > 0 && loss.anchorProduct !== null) add(loss.anchorProduct);
  const previous = q >= 2 ? game.quarters[q - 2]!.beforeMoves : game.initial;
  for (const p of played.beforeMoves.products) {
    const was = previous.products.find((x) => x.id === p.id);
    if (!p.active && was?.active) add(p.id);
  }
  const d = played.beforeMoves.dispute;
  if (d !== null && d.decidedInQuarter === q) add(d.product);
  return out;
}

function lossLinks(scenario: Scenario, game: ReplayedGame, q: number): ChainLink[] {
  const played = game.quarters[q - 1]!;
  const names = accountNames(scenario, game.final);
  const links: ChainLink[] = [];
  // Losses a lost anchor added risk to come first: they continue the decision's chain.
  const losses = [...played.record.losses].sort((a, b) => Number(b.anchorChurn > 0) - Number(a.anchorChurn > 0));
  for (const loss of losses) {
    const name = names.get(loss.account) ?? loss.account;
    const figures = { ordinaryChurn: loss.ordinaryChurn, anchorChurn: loss.anchorChurn, revenueBefore: loss.revenueBefore };
    const total = loss.ordinaryChurn + loss.anchorChurn;
    let text: string;
    if (loss.anchorChurn > 0 && loss.anchorProduct !== null) {
      const line = productName(scenario, loss.anchorProduct);
      const repriced = played.beforeMoves.products.find((p) => p.id === loss.anchorProduct)?.active === true;
      text = repriced
        ? `${name}, for whom ${line} was an anchor, left in ${Q(q)}: the repricing of ${line} added ${percent(loss.anchorChurn)} to its ${percent(loss.ordinaryChurn)} ordinary risk of leaving`
        : `${name}, for whom ${line} was an anchor, left in ${Q(q)}: losing ${line} added ${percent(loss.anchorChurn)} to its ${percent(loss.ordinaryChurn)} ordinary risk of leaving`;
    } else if (loss.anchorChurn > 0) {
      text = `${name} left in ${Q(q)}: none of the lines it bought was still sold`;
    } else {
      text = `${name} left in ${Q(q)} on a ${percent(total)} risk of leaving from its relationship and satisfaction`;
    }
    links.push({ quarter: q, kind: 'account-lost', text, figures, account: loss.account, ...(loss.anchorProduct !== null ? { product: loss.anchorProduct } : {}) });
    const lines = listOf(loss.products.map((p) => productName(scenario, p)));
    links.push({
      quarter: q,
      kind: 'revenue-ended',
      text: `its purchases of ${lines}, worth ${money(loss.revenueBefore)} a quarter (its revenue in ${Q(q - 1)}), ended`,
      figures: { revenueBefore: loss.revenueBefore },
      account: loss.account,
    });
  }
  return links;
}

function wonLink(scenario: Scenario, game: ReplayedGame, q: number): ChainLink | null {
  const played = game.quarters[q - 1]!;
  const r = played.record;
  if (r.newAccounts.length === 0) return null;
  const names = accountNames(scenario, game.final);
  const slots = new Map(game.final.accounts.map((a, i) => [a.id, i] as const));
  let revenue = 0;
  for (const id of r.newAccounts) revenue += r.accountRevenue[slots.get(id)!] ?? 0;
  const leadsBefore = played.start.leads;
  const prospecting = pointsOf(played, 'prospecting');
  const n = r.newAccounts.length;
  return {
    quarter: q,
    kind: 'account-won',
    text: `You won ${n} new account${n === 1 ? '' : 's'} in ${Q(q)} (${listOf(r.newAccounts.map((id) => names.get(id) ?? id))}), buying ${money(revenue)} in their first quarter: the quarter began with ${round4(leadsBefore)} leads from marketing's goodwill and referrals, converted by ${pts(prospecting)} of prospecting at collaboration ${percent(played.start.collaboration)}`,
    figures: { won: n, revenue, leadsBefore, prospectingPoints: prospecting, collaborationBefore: played.start.collaboration },
  };
}

function lineLinks(scenario: Scenario, game: ReplayedGame, q: number, measure: SwingMeasure, change: number): ChainLink[] {
  if (measure !== 'profit' && measure !== 'revenue') return [];
  const r = game.quarters[q - 1]!.record;
  const rp = game.quarters[q - 2]!.record;
  const rows = r.products.map((l, i) => {
    const b = rp.products[i]!;
    return { l, b, key: measure === 'profit' ? l.profit - b.profit : l.revenue - b.revenue };
  });
  const picked = rows.filter((x) => x.key !== 0 && Math.abs(x.key) >= LINE_SHARE * Math.abs(change));
  picked.sort((x, y) => Math.abs(y.key) - Math.abs(x.key));
  return picked.slice(0, 3).map(({ l, b }) => {
    let text = `${productName(scenario, l.product)}: revenue ${money(b.revenue)} → ${money(l.revenue)}, profit ${money(b.profit)} → ${money(l.profit)} (${signedMoney(l.profit - b.profit)})`;
    if (b.fixedCost > 0 && l.fixedCost === 0) text += `; its fixed cost of ${money(b.fixedCost)} a quarter ended with the line`;
    return {
      quarter: q,
      kind: l.profit < 0 ? 'line-loss' : 'line-change',
      text,
      figures: { revenueBefore: b.revenue, revenue: l.revenue, profitBefore: b.profit, profit: l.profit, fixedCostBefore: b.fixedCost, fixedCost: l.fixedCost },
      product: l.product,
    } satisfies ChainLink;
  });
}

/** Demand shifts fired in the quarter before q: events resolve at a quarter's end, so their demand applies from the next. */
function eventLinks(scenario: Scenario, game: ReplayedGame, q: number, measure: SwingMeasure): ChainLink[] {
  if (measure === 'accounts') return [];
  const prev = game.quarters[q - 2]!;
  const links: ChainLink[] = [];
  for (const id of firedDuring(prev)) {
    const event = scenario.events.find((e) => e.id === id);
    if (!event) continue;
    for (const effect of event.effects) {
      if (effect.type !== 'shift-demand') continue;
      const before = prev.start.segments.find((s) => s.id === effect.segment)?.demand ?? 0;
      const after = prev.end.segments.find((s) => s.id === effect.segment)?.demand ?? 0;
      const lines = scenario.products.filter((p) => p.segment === effect.segment).map((p) => p.name);
      links.push({
        quarter: q - 1,
        kind: 'event',
        text: `“${event.title}” (${Q(q - 1)}): demand in ${segmentName(scenario, effect.segment)}${lines.length > 0 ? ` (${listOf(lines)})` : ''} went from ${round4(before)} to ${round4(after)} from ${Q(q)} on`,
        figures: { demandBefore: before, demand: after },
        segment: effect.segment,
      });
    }
  }
  return links;
}

function effortLinks(game: ReplayedGame, q: number): ChainLink[] {
  const links: ChainLink[] = [];
  const r = game.quarters[q - 1]!.record;
  const rp = game.quarters[q - 2]!.record;
  // Marketing works with a lag: the quarter before's campaigns built the goodwill this quarter sold on.
  if (q >= 3) {
    const rpp = game.quarters[q - 3]!.record;
    if (Math.abs(rp.effortMarketing - rpp.effortMarketing) >= EFFORT_STEP) {
      links.push({
        quarter: q - 1,
        kind: 'effort',
        text: `Marketing effort went from ${rpp.effortMarketing} points in ${Q(q - 2)} to ${rp.effortMarketing} in ${Q(q - 1)}: campaigns build the goodwill the next quarter sells on`,
        figures: { marketingBefore: rpp.effortMarketing, marketing: rp.effortMarketing },
      });
    }
  }
  if (Math.abs(r.effortSales - rp.effortSales) >= EFFORT_STEP) {
    links.push({
      quarter: q,
      kind: 'effort',
      text: `Sales effort went from ${rp.effortSales} points in ${Q(q - 1)} to ${r.effortSales} in ${Q(q)}: calls and service work in the quarter they are made`,
      figures: { salesBefore: rp.effortSales, sales: r.effortSales },
    });
  }
  return links;
}

/**
 * Closing pulls part of next quarter's orders into this one, and the next quarter delivers them
 * short; so quarter q's change from q−1 turns on the closing of q−2, q−1 and q. Unless all three
 * were the same, the closing that mattered is a link, with what it moved in q (pull-forward.ts):
 * the orders q−1's closing had taken from q, and the orders q's closing brought in from q+1.
 */
function pullForwardLinks(game: ReplayedGame, q: number): ChainLink[] {
  const twoBack = q >= 3 ? pointsOf(game.quarters[q - 3]!, 'closing') : 0;
  const before = pointsOf(game.quarters[q - 2]!, 'closing');
  const now = pointsOf(game.quarters[q - 1]!, 'closing');
  if (twoBack === before && before === now) return [];
  const links: ChainLink[] = [];
  const moved = pullForwardOf(game.quarters[q - 1]!);
  if (before > 0) {
    links.push({
      quarter: q - 1,
      kind: 'pull-forward',
      text: `Closing in ${Q(q - 1)} (${pts(before)}) pulled about ${money(moved.owedTotal)} of ${Q(q)}'s orders forward into that quarter, so ${Q(q)} delivered them short`,
      figures: { closingPoints: before, ordersOwed: moved.owedTotal },
    });
  }
  if (now > 0) {
    links.push({
      quarter: q,
      kind: 'pull-forward',
      text: `Closing in ${Q(q)} (${pts(now)}) brought about ${money(moved.pulledTotal)} of orders forward from the next quarter, at a price concession`,
      figures: { closingPoints: now, ordersPulled: moved.pulledTotal },
    });
  }
  return links;
}

/** Discounting sells more now at a lower price and trains customers to expect it (they hold back when it stops). */
function discountLink(game: ReplayedGame, q: number): ChainLink | null {
  const played = game.quarters[q - 1]!;
  const before = pointsOf(game.quarters[q - 2]!, 'discounting');
  const now = pointsOf(played, 'discounting');
  const expectation = played.start.discountExpectation;
  if (before === now && expectation === game.quarters[q - 2]!.start.discountExpectation) return null;
  if (before === 0 && now === 0 && expectation === 0) return null;
  return {
    quarter: q,
    kind: 'discount',
    text: `Discounting: ${pts(now)} in ${Q(q)} (${pts(before)} in ${Q(q - 1)}), with customers expecting ${percent(expectation)} off from past discounts`,
    figures: { discountPoints: now, discountPointsBefore: before, discountExpectation: expectation },
  };
}

/** Slots of the accounts active in quarter q (bought or could buy that quarter). */
function activeSlots(game: ReplayedGame, q: number): number[] {
  const out: number[] = [];
  game.final.accounts.forEach((a, i) => {
    if (a.wonInQuarter <= q && (a.lostInQuarter === null || a.lostInQuarter > q)) out.push(i);
  });
  return out;
}

/** Customer equity rides on retention, and retention on relationships: the active accounts' mean relationship. */
function relationshipLink(game: ReplayedGame, q: number): ChainLink | null {
  const mean = (quarter: number) => {
    const slots = activeSlots(game, quarter);
    const rel = game.quarters[quarter - 1]!.record.accountRelationship;
    let total = 0;
    for (const j of slots) total += rel[j] ?? 0;
    return slots.length > 0 ? round4(total / slots.length) : 0;
  };
  const before = mean(q - 1);
  const after = mean(q);
  if (Math.abs(after - before) < RELATIONSHIP_STEP) return null;
  return {
    quarter: q,
    kind: 'relationships',
    text: `The active accounts' average relationship went from ${percent(before)} to ${percent(after)}: relationships keep accounts, and customer equity counts on their staying`,
    figures: { relationshipBefore: before, relationship: after },
  };
}

function moraleLink(game: ReplayedGame, q: number, measure: SwingMeasure): ChainLink | null {
  if (measure === 'accounts') return null;
  const state: GameState = game.quarters[q - 1]!.beforeMoves;
  const f = moraleFactors(state);
  if (f.marketing === 1 && f.sales === 1) return null;
  // With people, morale is the leads' own every quarter: whether they were heard moves it.
  const people = state.morale !== undefined;
  return {
    quarter: q,
    kind: 'morale',
    text: people
      ? `The leads' morale — whether their asks were heard, how their bonus plans fared, the dispute's outcome — made marketing's moves work at ${percent(f.marketing)} and sales' at ${percent(f.sales)} of their usual effect`
      : `After the dispute decision, morale made marketing's moves work at ${percent(f.marketing)} and sales' at ${percent(f.sales)} of their usual effect`,
    figures: { marketingFactor: round4(f.marketing), salesFactor: round4(f.sales), ...(people ? { people: 1 } : {}) },
  };
}

/** The chain of recorded causes behind quarter q's change in `measure`. */
export function chainFor(scenario: Scenario, game: ReplayedGame, q: number, measure: SwingMeasure, change: number): ChainLink[] {
  const links: ChainLink[] = [];
  for (const product of linesToTrace(game, q)) links.push(...originLinks(scenario, game, product, q));
  links.push(...lossLinks(scenario, game, q));
  const won = wonLink(scenario, game, q);
  if (won) links.push(won);
  links.push(...lineLinks(scenario, game, q, measure, change));
  links.push(...eventLinks(scenario, game, q, measure));
  if (measure !== 'accounts') {
    links.push(...effortLinks(game, q));
    links.push(...pullForwardLinks(game, q));
    const discount = discountLink(game, q);
    if (discount) links.push(discount);
  }
  if (measure === 'customerEquity') {
    const relationships = relationshipLink(game, q);
    if (relationships) links.push(relationships);
  }
  const morale = moraleLink(game, q, measure);
  if (morale) links.push(morale);
  return links;
}

function swingText(measure: SwingMeasure, q: number, before: number, after: number): string {
  const change = after - before;
  const direction = change >= 0 ? 'rose' : 'fell';
  if (measure === 'accounts') return `${MEASURE_WORDS[measure]} ${direction} by ${Math.abs(change)} in ${Q(q)}, from ${before} to ${after}.`;
  return `${MEASURE_WORDS[measure]} ${direction} by ${money(Math.abs(change))} in ${Q(q)}, from ${money(before)} to ${money(after)}.`;
}

export function buildSwings(scenario: Scenario, game: ReplayedGame): Swing[] {
  const swings: Swing[] = [];
  for (const measure of SWING_MEASURES) {
    for (const q of swingQuarters(game, measure)) {
      const before = measureOf(game.quarters[q - 2]!.record, measure);
      const after = measureOf(game.quarters[q - 1]!.record, measure);
      const change = after - before;
      swings.push({ quarter: q, measure, change, before, after, chain: chainFor(scenario, game, q, measure, change), text: swingText(measure, q, before, after) });
    }
  }
  swings.sort((a, b) => a.quarter - b.quarter || SWING_MEASURES.indexOf(a.measure) - SWING_MEASURES.indexOf(b.measure));
  return swings;
}
