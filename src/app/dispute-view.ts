// What the dispute screen shows, worked out from the model's state and records: the numbers
// each side brings (the line's P&L and trend; the account's purchases, revenue, relationship
// history and lifetime value), the options with their costs and why one is closed, and what a
// choice sets in motion. No Phaser: the scene only lays this out.
import {
  DISPUTE_OPTIONS,
  DISPUTE_OPTION_INFO,
  isCompromise,
  reactionOf,
  validateDisputeOption,
  type DisputeOption,
  type GameState,
  type ReactionKind,
  type Scenario,
} from '../sim/index';
import {
  ANCHOR_CHURN_QUARTERS,
  INVESTIGATION_EFFORT,
  JOINT_MEETING_COLLABORATION,
  JOINT_MEETING_EFFORT,
  MIGRATION_EFFORT,
  churnProbability,
  lifetimeValue,
} from '../sim/model';
import { accountNames } from '../scenario/account-names';
import { DISPUTE_OPTION_TEXT, disputeRefusalText } from './dispute-text';
import { formatMoney, formatPercent, formatPrice, formatSignedMoney } from './format';

export interface MarketingCase {
  leader: { name: string; role: string; argument: string };
  productName: string;
  /** Profit of the line each quarter so far. */
  profits: { quarter: number; revenue: number; profit: number }[];
  /** Average change in the line's profit a quarter over the last (up to) three quarters. */
  trend: number;
  fixedCost: number;
  lossStreak: number;
}

export interface SalesCase {
  leader: { name: string; role: string; argument: string };
  accountName: string;
  key: boolean;
  active: boolean;
  buys: string[];
  revenues: { quarter: number; revenue: number; relationship: number }[];
  /** Share of the firm's revenue last quarter. */
  share: number;
  relationship: number;
  satisfaction: number;
  /** Estimated lifetime value (CLV at the firm's gross margin and the account's retention). */
  lifetimeValue: number;
}

export function marketingCase(scenario: Scenario, game: GameState): MarketingCase {
  const d = game.dispute!;
  const spec = scenario.dispute!;
  const product = game.products.find((p) => p.id === d.product)!;
  const profits = game.history.map((r) => {
    const ledger = r.products.find((l) => l.product === d.product)!;
    return { quarter: r.quarter, revenue: ledger.revenue, profit: ledger.profit };
  });
  const recent = profits.slice(-4);
  const trend = recent.length > 1 ? (recent[recent.length - 1]!.profit - recent[0]!.profit) / (recent.length - 1) : 0;
  return {
    leader: { name: spec.marketing.name, role: spec.marketing.role, argument: spec.marketing.argument },
    productName: scenario.products.find((p) => p.id === d.product)!.name,
    profits,
    trend,
    fixedCost: product.fixedCost,
    lossStreak: product.lossStreak,
  };
}

export function salesCase(scenario: Scenario, game: GameState): SalesCase {
  const d = game.dispute!;
  const spec = scenario.dispute!;
  const slot = game.accounts.findIndex((a) => a.id === d.account);
  const account = game.accounts[slot]!;
  const revenues = game.history.map((r) => ({ quarter: r.quarter, revenue: r.accountRevenue[slot] ?? 0, relationship: r.accountRelationship[slot] ?? 0 }));
  const last = game.history[game.history.length - 1];
  const lastRevenue = revenues[revenues.length - 1]?.revenue ?? 0;
  let variable = 0;
  for (const l of last?.products ?? []) variable += l.variableCost;
  const grossMargin = last && last.revenue > 0 ? (last.revenue - variable) / last.revenue : 0;
  const retention = 1 - churnProbability(scenario.model.baseChurn, account.relationship, account.satisfaction);
  return {
    leader: { name: spec.sales.name, role: spec.sales.role, argument: spec.sales.argument },
    accountName: account.name,
    key: account.key,
    active: account.active,
    buys: account.buys.map((b) => scenario.products.find((p) => p.id === b.product)?.name ?? b.product),
    revenues,
    share: last && last.revenue > 0 ? lastRevenue / last.revenue : 0,
    relationship: account.relationship,
    satisfaction: account.satisfaction,
    lifetimeValue: lifetimeValue(Math.round(lastRevenue * grossMargin), retention, scenario.model.discountRate),
  };
}

export interface LineBuyer {
  name: string;
  key: boolean;
  /** The account's share of the line's units bought by all active accounts (the usual volume, before this quarter's effort). */
  share: number;
}

/** Every active account that buys the disputed line, biggest buyer first: dropping it touches them all. */
export function lineBuyers(scenario: Scenario, game: GameState): LineBuyer[] {
  const product = game.dispute!.product;
  const names = accountNames(scenario, game);
  const buyers = game.accounts.flatMap((a) => {
    const units = a.active ? (a.buys.find((b) => b.product === product)?.units ?? 0) : 0;
    return units > 0 ? [{ name: names.get(a.id) ?? a.name, key: a.key, units }] : [];
  });
  const total = buyers.reduce((sum, b) => sum + b.units, 0);
  return buyers.sort((a, b) => b.units - a.units).map((b) => ({ name: b.name, key: b.key, share: total > 0 ? b.units / total : 0 }));
}

/** How many buyers the line names; the rest are counted, so the line stays one line on the dispute screen. */
export const BUYERS_NAMED = 3;

/**
 * The buyers in one line of words: "Harbor Health (key account) 62%, Lakeside Offices 38%"; past
 * BUYERS_NAMED (biggest first), the rest as a count with their share: "… and 2 others 9%".
 */
export function lineBuyersText(buyers: readonly LineBuyer[]): string {
  if (buyers.length === 0) return 'no active account';
  const named = buyers.length > BUYERS_NAMED + 1 ? buyers.slice(0, BUYERS_NAMED) : buyers;
  const text = named.map((b) => `${b.name}${b.key ? ' (key account)' : ''} ${formatPercent(b.share)}`).join(', ');
  if (named.length === buyers.length) return text;
  const rest = buyers.slice(named.length);
  return `${text} and ${rest.length} others ${formatPercent(rest.reduce((sum, b) => sum + b.share, 0))}`;
}

export interface OptionView {
  option: DisputeOption;
  label: string;
  summary: string;
  /** Effort the option takes, as words ("2 sales points this quarter and next"), or ''. */
  cost: string;
  open: boolean;
  /** Why it is closed, when it is. */
  reason: string | null;
}

/** The effort an option takes, in words, from its row of the model's dispute options table. */
function costWords(option: DisputeOption): string {
  const row = DISPUTE_OPTION_INFO[option];
  if (row.side === null || row.effort === 0) return 'No effort';
  const points = `${row.effort} ${row.side} points`;
  // An investigation settles nothing: the decision waits a quarter for its findings.
  if (option === 'investigate') return `${points} and a quarter’s wait`;
  return `${points} ${row.quarters > 1 ? 'this quarter and next' : 'this quarter'}`;
}

export function optionViews(scenario: Scenario, game: GameState): OptionView[] {
  return DISPUTE_OPTIONS.map((option) => {
    const verdict = validateDisputeOption(scenario, game, option);
    return {
      option,
      label: DISPUTE_OPTION_TEXT[option].label,
      summary: DISPUTE_OPTION_TEXT[option].summary,
      cost: costWords(option),
      open: verdict.ok,
      reason: verdict.ok ? null : disputeRefusalText(verdict.refusal),
    };
  });
}

export interface Reaction {
  side: 'marketing' | 'sales';
  name: string;
  role: string;
  kind: ReactionKind;
  line: string;
}

/** Both leaders' reactions once the dispute is decided (null before). */
export function reactions(scenario: Scenario, game: GameState): Reaction[] | null {
  const d = game.dispute;
  if (!d || d.option === null || !scenario.dispute) return null;
  return (['marketing', 'sales'] as const).map((side) => {
    const kind = reactionOf(d, side)!;
    const leader = scenario.dispute![side];
    return { side, name: leader.name, role: leader.role, kind, line: leader.reactions[kind] };
  });
}

/** What the choices made in this sitting set in motion, in plain sentences. */
export function consequences(scenario: Scenario, before: GameState, after: GameState, choices: readonly DisputeOption[]): string[] {
  const d = after.dispute!;
  const productName = scenario.products.find((p) => p.id === d.product)!.name;
  const account = after.accounts.find((a) => a.id === d.account)!;
  const q = after.quarter;
  const out: string[] = [];
  const priceBefore = before.products.find((p) => p.id === d.product)!.price;
  const line = after.products.find((p) => p.id === d.product)!;
  for (const choice of choices) {
    switch (choice) {
      case 'joint-meeting':
        out.push(`Joint meeting held before quarter ${q}: collaboration up ${formatPercent(JOINT_MEETING_COLLABORATION)}, and both sides were heard (${JOINT_MEETING_EFFORT} joint points of this quarter).`);
        break;
      case 'investigate': {
        out.push(`Sales spend quarter ${q} with ${account.name} (${INVESTIGATION_EFFORT} sales points). The dispute returns before quarter ${q + 1} with the findings; ${productName} runs meanwhile.`);
        break;
      }
      case 'discontinue':
        out.push(`${productName} stops now: its fixed cost of ${formatMoney(before.products.find((p) => p.id === d.product)!.fixedCost)} a quarter is saved from quarter ${q}.`);
        out.push(`For the next ${ANCHOR_CHURN_QUARTERS} quarters, every account that relied on ${productName} may leave; if ${account.name} goes, it takes everything it buys.`);
        break;
      case 'keep':
        out.push(`${productName} stays as it is. Its results go on: ${formatSignedMoney(before.history[before.history.length - 1]?.products.find((l) => l.product === d.product)?.profit ?? 0)} last quarter.`);
        break;
      case 'reprice':
        out.push(`${productName}’s price rises from ${formatPrice(priceBefore)} to ${formatPrice(line.price)}: fewer units at a better margin.`);
        out.push(`For ${ANCHOR_CHURN_QUARTERS} quarters the rise strains ${account.name}: the more it depends on ${productName}, the likelier it looks elsewhere.`);
        break;
      case 'phase-out':
        out.push(`${productName} runs in quarters ${q} and ${q + 1} and stops at the start of quarter ${d.phaseOutQuarter}. The migration plan takes ${MIGRATION_EFFORT} sales points in each of those quarters.`);
        out.push(`By then ${account.name} has been moved to other lines, so losing ${productName} shakes it far less.`);
        break;
    }
  }
  if (d.option !== null) {
    const delta = after.collaboration - before.collaboration;
    // Only a decision taken without a hearing costs collaboration (a joint meeting makes it free).
    const compromise = isCompromise(d.option);
    if (delta < 0) out.push(`Collaboration falls ${formatPercent(-delta)}: ${compromise ? 'the compromise, settled without a hearing, leaves both sides short of what they asked for' : 'a side was overruled without a hearing'}.`);
  }
  return out;
}

/** A short account of the investigation's findings for the returning sitting. */
export function findingsText(scenario: Scenario, game: GameState): string | null {
  const found = game.dispute?.investigation;
  if (!found) return null;
  const account = game.accounts.find((a) => a.id === game.dispute!.account)!;
  const productName = scenario.products.find((p) => p.id === game.dispute!.product)!.name;
  return `Sales spent quarter ${found.quarter} with ${account.name}. Their estimate: ${account.name}’s loyalty hangs on ${productName} at about ${formatPercent(found.estimate)} (somewhere between ${formatPercent(found.low)} and ${formatPercent(found.high)}). 0% means it would not notice the line going; 100% means it would very likely leave with it.`;
}
