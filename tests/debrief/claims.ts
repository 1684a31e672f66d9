// The claims check shared by the debrief tests: every figure a debrief states (timeline, dispute
// summary, each swing's chain, each idea) is recomputed here independently from playSteps' final
// state and its records, never from the debrief's own code. Not a test file itself.
import { expect } from 'vitest';
import {
  MORALE_EFFECT,
  MORALE_MAX,
  MORALE_MIN,
  MORALE_NEUTRAL,
  fix,
  CLOSING_PRICE_CONCESSION,
  CONVERSION_COLLABORATION_BASE,
  anchorChurn,
} from '../../src/sim/model';
import { decideDispute, playSteps, reactionOf, resolveQuarter, stateHash, type GameState, type QuarterRecord, type Scenario, type Step } from '../../src/sim/index';
import { money, type ChainLink, type Debrief, type Swing } from '../../src/debrief/index';
import { accountName as shownName } from '../../src/scenario/account-names';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

function movePoints(steps: readonly Step[], kind: string, from = 0, to = steps.length): number {
  let total = 0;
  for (const step of steps.slice(from, to)) for (const m of step.moves) if (m.kind === kind) total += m.points;
  return total;
}

function measure(r: QuarterRecord, m: Swing['measure']): number {
  return m === 'profit' ? r.profit : m === 'revenue' ? r.revenue : m === 'customerEquity' ? r.customerEquity : r.activeAccounts;
}

/** The state after the first `n` steps, by playSteps (memoised per steps array: links ask for the same ones). */
const prefixes = new WeakMap<readonly Step[], Map<number, GameState>>();
function stateAfter(scenario: Scenario, seed: number, steps: readonly Step[], n: number): GameState {
  let cache = prefixes.get(steps);
  if (!cache) prefixes.set(steps, (cache = new Map()));
  let state = cache.get(n);
  if (!state) cache.set(n, (state = playSteps(scenario, seed, steps.slice(0, n))));
  return state;
}

/**
 * What closing moved in quarter q, by the model itself: the quarter played again on the same luck
 * with every account owing nothing (the orders owed are what it then sells more) and owing all (the
 * kept accounts then sell only what this quarter's closing pulled in); accounts won in q owe
 * nothing, so theirs is the pulled share of what they bought, at the concession. `purchases`: a
 * cent per purchase is the rounding the record's whole cents allow.
 */
function ordersMoved(scenario: Scenario, seed: number, steps: readonly Step[], q: number): { owed: number; pulled: number; purchases: number } {
  let start = stateAfter(scenario, seed, steps, q - 1);
  for (const option of steps[q - 1]!.dispute ?? []) start = decideDispute(scenario, start, option);
  const moves = { moves: steps[q - 1]!.moves };
  const owing = (share: number) => resolveQuarter(scenario, { ...start, accounts: start.accounts.map((a) => ({ ...a, pulledForward: share })) }, moves).history[q - 1]!;
  const actual = stateAfter(scenario, seed, steps, q);
  const record = actual.history[q - 1]!;
  const pull = actual.accounts.find((a) => a.active)?.pulledForward ?? 0;
  const wonShare = (pull * (1 - CLOSING_PRICE_CONCESSION)) / (1 + pull * (1 - CLOSING_PRICE_CONCESSION));
  const all = owing(1);
  let pulled = 0;
  record.accountRevenue.forEach((sold, j) => (pulled += j < start.accounts.length ? all.accountRevenue[j]! : sold * wonShare));
  const purchases = sum(actual.accounts.map((a) => a.buys.length));
  return { owed: owing(0).revenue - record.revenue, pulled, purchases };
}

/** Checks one chain link against the records and the final state. */
function checkLink(scenario: Scenario, state: GameState, steps: readonly Step[], swing: Swing, link: ChainLink): void {
  const records = state.history;
  const q = swing.quarter;
  const r = records[q - 1]!;
  const rp = records[q - 2]!;
  const f = link.figures ?? {};
  const slot = (id: string) => state.accounts.findIndex((a) => a.id === id);
  const where = `${scenario.id} seed ${state.seed} Q${q} ${swing.measure} ${link.kind}: ${link.text}`;
  expect(link.quarter, where).toBeLessThanOrEqual(q);
  switch (link.kind) {
    case 'account-lost': {
      expect(r.lostAccounts, where).toContain(link.account);
      const loss = r.losses.find((l) => l.account === link.account)!;
      expect(f, where).toEqual({ ordinaryChurn: loss.ordinaryChurn, anchorChurn: loss.anchorChurn, revenueBefore: loss.revenueBefore });
      const account = state.accounts.find((a) => a.id === link.account)!;
      expect(account.lostInQuarter, where).toBe(q);
      expect(link.text, where).toContain(shownName(scenario, state, account.id));
      if (link.text.includes('was an anchor')) {
        expect(loss.anchorChurn, where).toBeGreaterThan(0);
        expect(loss.anchorProduct, where).toBe(link.product);
        const line = state.products.find((p) => p.id === loss.anchorProduct)!;
        const d = state.dispute;
        const discontinuedBefore = line.discontinuedInQuarter !== null && line.discontinuedInQuarter <= q;
        const repricedBefore = d !== null && d.option === 'reprice' && d.product === line.id && d.decidedInQuarter! <= q;
        expect(discontinuedBefore || repricedBefore, where).toBe(true);
        expect(link.text, where).toContain(scenario.products.find((p) => p.id === line.id)!.name);
      }
      break;
    }
    case 'revenue-ended': {
      const loss = r.losses.find((l) => l.account === link.account)!;
      expect(loss, where).toBeDefined();
      expect(f.revenueBefore, where).toBe(loss.revenueBefore);
      expect(f.revenueBefore, where).toBe(rp.accountRevenue[slot(link.account!)] ?? 0);
      expect(link.text, where).toContain(money(loss.revenueBefore));
      for (const p of loss.products) expect(link.text, where).toContain(scenario.products.find((x) => x.id === p)!.name);
      break;
    }
    case 'decision': {
      const d = state.dispute!;
      expect(link.product, where).toBe(d.product);
      expect(link.quarter, where).toBe(d.decidedInQuarter);
      const i = scenario.products.findIndex((p) => p.id === d.product);
      if (d.decidedInQuarter! >= 2) expect(f.lineProfitBefore, where).toBe(records[d.decidedInQuarter! - 2]!.products[i]!.profit);
      if (d.investigation) expect(f.estimate, where).toBe(d.investigation.estimate);
      break;
    }
    case 'discontinued': {
      const line = state.products.find((p) => p.id === link.product)!;
      expect(line.active, where).toBe(false);
      expect(line.discontinuedInQuarter, where).toBe(link.quarter);
      break;
    }
    case 'account-won': {
      expect(f.won, where).toBe(r.newAccounts.length);
      expect(f.revenue, where).toBe(sum(r.newAccounts.map((id) => r.accountRevenue[slot(id)]!)));
      expect(f.leadsBefore, where).toBe(rp.leads);
      expect(f.collaborationBefore, where).toBe(rp.collaboration);
      expect(f.prospectingPoints, where).toBe(movePoints(steps, 'prospecting', q - 1, q));
      for (const id of r.newAccounts) expect(link.text, where).toContain(shownName(scenario, state, id));
      break;
    }
    case 'line-change':
    case 'line-loss': {
      const i = scenario.products.findIndex((p) => p.id === link.product);
      const l = r.products[i]!;
      const b = rp.products[i]!;
      expect(f, where).toEqual({ revenueBefore: b.revenue, revenue: l.revenue, profitBefore: b.profit, profit: l.profit, fixedCostBefore: b.fixedCost, fixedCost: l.fixedCost });
      expect(link.kind === 'line-loss', where).toBe(l.profit < 0);
      break;
    }
    case 'event': {
      expect(link.quarter, where).toBe(q - 1);
      const event = scenario.events.find((e) => rp.events.includes(e.title) && e.effects.some((x) => x.type === 'shift-demand' && x.segment === link.segment))!;
      expect(event, where).toBeDefined();
      const effect = event.effects.find((x) => x.type === 'shift-demand' && x.segment === link.segment) as { demand: number };
      expect(f.demand, where).toBe(effect.demand);
      break;
    }
    case 'effort': {
      if ('marketing' in f) expect(f, where).toEqual({ marketingBefore: records[q - 3]!.effortMarketing, marketing: rp.effortMarketing });
      else expect(f, where).toEqual({ salesBefore: rp.effortSales, sales: r.effortSales });
      break;
    }
    case 'pull-forward': {
      expect(f.closingPoints, where).toBe(movePoints(steps, 'closing', link.quarter - 1, link.quarter));
      expect(f.closingPoints, where).toBeGreaterThan(0);
      expect([q - 1, q], where).toContain(link.quarter);
      const moved = ordersMoved(scenario, state.seed, steps, q);
      if (link.quarter === q - 1) {
        expect(Math.abs(f.ordersOwed! - moved.owed), where).toBeLessThanOrEqual(moved.purchases);
        expect(link.text, where).toContain(`about ${money(f.ordersOwed!)} of Q${q}'s orders`);
      } else {
        expect(Math.abs(f.ordersPulled! - moved.pulled), where).toBeLessThanOrEqual(moved.purchases);
        expect(link.text, where).toContain(`about ${money(f.ordersPulled!)} of orders forward`);
      }
      break;
    }
    case 'discount': {
      expect(f.discountPoints, where).toBe(movePoints(steps, 'discounting', q - 1, q));
      expect(f.discountPointsBefore, where).toBe(movePoints(steps, 'discounting', q - 2, q - 1));
      // The expectation customers start a quarter with is the state's, carried from the quarters before.
      const start = q === 1 ? 0 : stateAfter(scenario, state.seed, steps, q - 1).discountExpectation;
      expect(f.discountExpectation, where).toBe(start);
      break;
    }
    case 'relationships': {
      expect(swing.measure, where).toBe('customerEquity');
      const mean = (quarter: number) => {
        const slots = state.accounts.flatMap((a, j) => (a.wonInQuarter <= quarter && (a.lostInQuarter === null || a.lostInQuarter > quarter) ? [j] : []));
        return r4(sum(slots.map((j) => records[quarter - 1]!.accountRelationship[j]!)) / slots.length);
      };
      expect(f, where).toEqual({ relationshipBefore: mean(q - 1), relationship: mean(q) });
      break;
    }
    case 'morale': {
      if (r.people !== undefined) {
        // With people: the leads' morale as the quarter started — the decision's when the dispute
        // was decided before its moves, else where the quarter before left it.
        const left = rp?.people ? { marketing: rp.people.marketing.morale, sales: rp.people.sales.morale } : { marketing: MORALE_NEUTRAL, sales: MORALE_NEUTRAL };
        const shift = (side: 'marketing' | 'sales') =>
          state.dispute?.decidedInQuarter === q ? fix(Math.min(MORALE_MAX, Math.max(MORALE_MIN, left[side] + state.dispute.morale[side] - MORALE_NEUTRAL))) : left[side];
        const before = { marketing: shift('marketing'), sales: shift('sales') };
        // With people: the leads' morale as the quarter started, every quarter.
        expect(f.people, where).toBe(1);
        expect(f.marketingFactor, where).toBe(r4(1 + MORALE_EFFECT * (before.marketing - MORALE_NEUTRAL)));
        expect(f.salesFactor, where).toBe(r4(1 + MORALE_EFFECT * (before.sales - MORALE_NEUTRAL)));
        break;
      }
      const d = state.dispute!;
      const since = q - d.decidedInQuarter!;
      expect(since >= 0 && since < 2, where).toBe(true);
      expect(f.marketingFactor, where).toBe(r4(1 + MORALE_EFFECT * (d.morale.marketing - MORALE_NEUTRAL)));
      expect(f.salesFactor, where).toBe(r4(1 + MORALE_EFFECT * (d.morale.sales - MORALE_NEUTRAL)));
      break;
    }
    default:
      throw new Error(`unchecked link kind ${link.kind}`);
  }
}

function checkIdeas(scenario: Scenario, state: GameState, steps: readonly Step[], debrief: Debrief): void {
  const records = state.history;
  const ideas = new Map(debrief.ideas.map((i) => [i.idea, i] as const));
  const mkt = sum(records.map((r) => r.effortMarketing));
  const sales = sum(records.map((r) => r.effortSales));
  const joint = sum(records.map((r) => r.effortJoint));
  const won = sum(records.map((r) => r.newAccounts.length));
  const where = `${scenario.id} seed ${state.seed}`;

  const one = ideas.get(1)!.figures;
  const starting = state.accounts.map((a) => a.wonInQuarter === 0);
  let startRevenue = 0;
  let wonRevenue = 0;
  for (const r of records) r.accountRevenue.forEach((v, j) => (starting[j] ? (startRevenue += v) : (wonRevenue += v)));
  expect(one, where).toMatchObject({
    salesEffort: sales,
    accountsWon: won,
    accountsLost: sum(records.map((r) => r.lostAccounts.length)),
    startingAccountRevenue: startRevenue,
    wonAccountRevenue: wonRevenue,
    lostRevenuePerQuarter: sum(records.flatMap((r) => r.losses.map((l) => l.revenueBefore))),
    relationshipPoints: movePoints(steps, 'relationship'),
    servicePoints: movePoints(steps, 'service'),
  });
  expect(startRevenue + wonRevenue, where).toBe(sum(records.map((r) => r.revenue)));

  const two = ideas.get(2)!.figures;
  scenario.products.forEach((p, i) => expect(two[`profit:${p.id}`], where).toBe(sum(records.map((r) => r.products[i]!.profit))));
  expect(two.marketingEffort, where).toBe(mkt);
  expect(two.portfolioHealth, where).toBe(records[records.length - 1]!.score.portfolioHealth);

  const three = ideas.get(3)!.figures;
  expect(three, where).toMatchObject({ marketingEffort: mkt, salesEffort: sales, accountsWon: won, prospectingPoints: movePoints(steps, 'prospecting'), prospectsLeft: state.prospectsLeft });
  expect(three.marketingShare, where).toBe(mkt + sales + joint > 0 ? r4(mkt / (mkt + sales + joint)) : 0);

  const d = state.dispute;
  if (d !== null && d.option !== null) {
    const four = ideas.get(4)!.figures;
    const at = d.decidedInQuarter!;
    const i = scenario.products.findIndex((p) => p.id === d.product);
    const account = state.accounts.find((a) => a.id === d.account)!;
    const slot = state.accounts.indexOf(account);
    expect(four.anchorStrength, where).toBe(d.anchorStrength);
    expect(four.accountLost, where).toBe(account.lostInQuarter === null ? 0 : 1);
    expect(four.lineProfitAfterDecision, where).toBe(sum(records.slice(at - 1).map((r) => r.products[i]!.profit)));
    expect(four.accountRevenueBefore, where).toBe(at >= 2 ? records[at - 2]!.accountRevenue[slot] : 0);
    // The relationship at the decision is the one the quarter before ended with (for a starting account).
    const relationship = at >= 2 ? records[at - 2]!.accountRelationship[slot]! : scenario.accounts[slot]!.relationship;
    if (account.lostInQuarter === null || account.lostInQuarter >= at) expect(four.anchorChurnRisk, where).toBe(r4(anchorChurn(d.anchorStrength, relationship)));
  } else {
    expect(ideas.has(4), where).toBe(false);
  }

  const five = ideas.get(5)!.figures;
  expect(five.collaborationEnd, where).toBe(records[records.length - 1]!.collaboration);
  expect(five.collaborationMean, where).toBe(r4(sum(records.map((r) => r.collaboration)) / records.length));
  expect(five.alignmentPoints, where).toBe(movePoints(steps, 'alignment'));
  expect(five.conversionScaleEnd, where).toBe(r4(CONVERSION_COLLABORATION_BASE + (1 - CONVERSION_COLLABORATION_BASE) * five.collaborationEnd!));

  expect(ideas.has(6), where).toBe(scenario.firm.structure === 'solo');

  const seven = ideas.get(7);
  if (seven) {
    const f = seven.figures;
    const q = f.shiftQuarter!;
    const event = scenario.events.find((e) => records[q - 1]!.events.includes(e.title) && e.effects.some((x) => x.type === 'shift-demand'))!;
    expect(event, where).toBeDefined();
    const segments = event.effects.flatMap((x) => (x.type === 'shift-demand' && x.demand === f.demandAfter ? [x.segment] : []));
    const lines = scenario.products.flatMap((p, i) => (segments.includes(p.segment) ? [i] : []));
    const last = records[records.length - 1]!;
    expect(f.lineRevenueAtShift, where).toBe(sum(lines.map((i) => records[q - 1]!.products[i]!.revenue)));
    expect(f.lineRevenueEnd, where).toBe(sum(lines.map((i) => last.products[i]!.revenue)));
  }
}

/** Every claim of `debrief` against playSteps' own records. */
export function checkDebrief(scenario: Scenario, seed: number, steps: readonly Step[], debrief: Debrief): void {
  const state = playSteps(scenario, seed, steps);
  const records = state.history;
  const where = `${scenario.id} seed ${seed}`;
  expect(debrief.stateHash, where).toBe(stateHash(state));
  expect(debrief.score, where).toEqual(records[records.length - 1]!.score);
  // The names the player reads: a won account's from the scenario's pool or the default one.
  const nameOf = (id: string) => shownName(scenario, state, id);

  // Timeline: the records, quarter by quarter.
  expect(debrief.timeline.length, where).toBe(records.length);
  debrief.timeline.forEach((t, i) => {
    const r = records[i]!;
    expect(t, `${where} Q${r.quarter}`).toMatchObject({
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
      events: r.events,
      score: r.score.total,
    });
    const d = state.dispute;
    const line = d ? state.products.find((p) => p.id === d.product)! : null;
    const stops = d !== null && d.phaseOutQuarter === r.quarter && line!.discontinuedInQuarter === r.quarter ? 1 : 0;
    expect(t.dispute.length, `${where} Q${r.quarter}`).toBe(r.disputeChoices.length + stops);
    r.disputeChoices.forEach((c, k) => {
      if (c === 'joint-meeting') expect(t.dispute[k]).toBe('Held a joint meeting');
      else expect(t.dispute[k]).toContain(scenario.products.find((p) => p.id === d!.product)!.name);
    });
  });

  // Dispute summary: the final state's dispute, the account, the scenario's lines.
  const d = state.dispute;
  if (d === null) {
    expect(debrief.dispute, where).toBeNull();
  } else {
    const s = debrief.dispute!;
    const account = state.accounts.find((a) => a.id === d.account)!;
    expect(s, where).toMatchObject({
      product: d.product,
      account: d.account,
      openedInQuarter: d.openedInQuarter,
      decision: d.option,
      decidedInQuarter: d.decidedInQuarter,
      anchorStrength: d.anchorStrength,
      heard: d.jointMeetingQuarter !== null,
      accountLost: account.lostInQuarter !== null,
      accountLostInQuarter: account.lostInQuarter,
    });
    expect(s.choices.map((c) => [c.quarter, c.option]), where).toEqual(d.choices.map((c) => [c.quarter, c.option]));
    if (account.lostInQuarter !== null && s.accountLoss) {
      const loss = records[account.lostInQuarter - 1]!.losses.find((l) => l.account === d.account)!;
      expect(s.accountLoss, where).toEqual({ ordinaryChurn: loss.ordinaryChurn, anchorChurn: loss.anchorChurn, revenueBefore: loss.revenueBefore });
      if (s.accountLossCause === 'anchor') expect(loss.anchorChurn > 0 && loss.anchorProduct === d.product, where).toBe(true);
    }
    if (d.option !== null) {
      for (const side of ['marketing', 'sales'] as const) {
        const kind = reactionOf(d, side)!;
        expect(s.reactions![side], where).toEqual({ name: scenario.dispute![side].name, role: scenario.dispute![side].role, kind, line: scenario.dispute![side].reactions[kind] });
      }
    }
  }

  // Swings: the largest changes of each measure, above a tenth of its mean level.
  for (const m of ['profit', 'revenue', 'customerEquity', 'accounts'] as const) {
    const values = records.map((r) => measure(r, m));
    const level = sum(values.map(Math.abs)) / values.length;
    const threshold = m === 'accounts' ? Math.max(2, 0.1 * level) : Math.max(1, 0.1 * level);
    const changes = values.slice(1).map((v, i) => ({ quarter: i + 2, size: Math.abs(v - values[i]!) }));
    const largest = changes.reduce((a, b) => (b.size > a.size ? b : a), { quarter: 0, size: -1 });
    const picked = debrief.swings.filter((sw) => sw.measure === m);
    for (const sw of picked) expect(Math.abs(sw.change), where).toBeGreaterThanOrEqual(threshold);
    if (largest.size >= threshold) expect(picked.map((sw) => sw.quarter), `${where} ${m}`).toContain(largest.quarter);
    else expect(picked, `${where} ${m}`).toEqual([]);
  }

  // Swings: the change is the records', and every link of every chain holds.
  for (const swing of debrief.swings) {
    expect(swing.quarter, where).toBeGreaterThanOrEqual(2);
    const before = measure(records[swing.quarter - 2]!, swing.measure);
    const after = measure(records[swing.quarter - 1]!, swing.measure);
    expect([swing.before, swing.after, swing.change], where).toEqual([before, after, after - before]);
    if (swing.measure !== 'accounts') {
      expect(swing.text, where).toContain(money(Math.abs(after - before)));
    }
    for (const link of swing.chain) checkLink(scenario, state, steps, swing, link);
    // Every account the quarter lost is named in the chain.
    const named = swing.chain.filter((l) => l.kind === 'account-lost').map((l) => l.account);
    expect(named.sort(), where).toEqual([...records[swing.quarter - 1]!.lostAccounts].sort());
  }

  checkIdeas(scenario, state, steps, debrief);
}
