// The preview of a scenario file opened in the browser, in words: what it is about, every product
// line and account, each event (its title, when it fires and what it does), the dispute (the line,
// the account, the two leads and their cases) and how the game is scored (each part's weight and
// target, and par). An instructor checks a file here before a class; a trainee sees what the game
// will be. No Phaser: the scenario screen lays it out, and every text is set as text there.
import type { EventEffect, EventTrigger, Scenario } from '../sim/index';
import { formatNumber, formatPercent, formatPrice, formatSignedMoney } from './format';
import { scorecardView, type ScorecardView } from './goal-view';

export interface PreviewLine {
  name: string;
  /** "$24.00 a unit". */
  figure: string;
}

export interface PreviewAccount {
  name: string;
  key: boolean;
  /** "★ key account", or null. */
  marker: string | null;
  /** "buys 3 lines, 4,520 units a quarter". */
  detail: string;
}

export interface PreviewEvent {
  title: string;
  /** When it fires, in words: "In quarter 6", "When Decaf has lost money 2 quarters in a row". */
  trigger: string;
  /** What it does, one sentence each; a news text in quotes. */
  effects: string[];
}

export interface PreviewLead {
  side: 'marketing' | 'sales';
  /** "Marketing: Ines Barros, Marketing Division Director". */
  heading: string;
  /** What they will argue. */
  argument: string;
}

export interface PreviewDispute {
  heading: string;
  /** "Over Printing supplies, which Crestline Insurance buys." */
  summary: string;
  product: string;
  account: string;
  leads: [PreviewLead, PreviewLead];
  /** Which events open it, in words. */
  opens: string;
}

export interface ScenarioPreview {
  title: string;
  /** "From the file “x.yaml” · 10 quarters · Firm · 12 effort points a quarter". */
  meta: string;
  briefing: string;
  objectives: string[];
  productsHeading: string;
  products: PreviewLine[];
  accountsHeading: string;
  accounts: PreviewAccount[];
  eventsHeading: string;
  /** A sentence when the file has no events. */
  noEvents: string | null;
  events: PreviewEvent[];
  /** The dispute, or a sentence that there is none. */
  dispute: PreviewDispute | { heading: string; none: string };
  /** Each part's weight and target (what scores 100), and par. */
  scoring: ScorecardView;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

const nameOf = (list: readonly { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

/** When an event fires, in words. */
export function triggerWords(scenario: Scenario, trigger: EventTrigger): string {
  if ('quarter' in trigger) return `In quarter ${trigger.quarter}`;
  if ('productLossQuarters' in trigger) {
    const { product, quarters } = trigger.productLossQuarters;
    return `When ${nameOf(scenario.products, product)} has lost money ${quarters === 1 ? 'for a quarter' : `${quarters} quarters in a row`}`;
  }
  const { account, share } = trigger.accountRevenueShare;
  return `When ${nameOf(scenario.accounts, account)} brings in more than ${formatPercent(share)} of a quarter's revenue`;
}

/** What an effect does, in words. */
export function effectWords(scenario: Scenario, effect: EventEffect): string {
  switch (effect.type) {
    case 'shift-demand':
      return `Demand from ${nameOf(scenario.segments, effect.segment)} moves to ${formatPercent(effect.demand)} of normal.`;
    case 'collaboration':
      return `Collaboration between marketing and sales ${effect.change >= 0 ? 'rises' : 'falls'} by ${Math.round(Math.abs(effect.change) * 100)} points.`;
    case 'cash':
      return `Cash ${formatSignedMoney(effect.change)}.`;
    case 'news':
      return `News: “${effect.text}”`;
    case 'dispute':
      return scenario.dispute
        ? `Opens the dispute over ${nameOf(scenario.products, scenario.dispute.product)}.`
        : 'Opens the dispute (the file has none, so nothing happens).';
  }
}

export function scenarioPreview(scenario: Scenario, fileName: string): ScenarioPreview {
  const keyCount = scenario.accounts.filter((a) => a.key).length;
  const { dispute } = scenario;
  const openers = scenario.events.filter((e) => e.effects.some((f) => f.type === 'dispute'));
  return {
    title: scenario.title,
    meta: `From the file “${fileName}” · ${scenario.quarters} quarters · ${scenario.firm.name} · ${scenario.effortBudget} effort points a quarter`,
    briefing: scenario.briefing,
    objectives: scenario.objectives,
    productsHeading: `Product lines (${scenario.products.length})`,
    products: scenario.products.map((p) => ({ name: p.name, figure: `${formatPrice(p.price)} a unit` })),
    accountsHeading: `Accounts (${scenario.accounts.length}, ${keyCount} key)`,
    accounts: scenario.accounts.map((a) => ({
      name: a.name,
      key: a.key,
      marker: a.key ? '★ key account' : null,
      detail: `buys ${plural(a.buys.length, 'line')}, ${plural(a.buys.reduce((s, b) => s + b.units, 0), 'unit')} a quarter at best`,
    })),
    eventsHeading: `Events (${scenario.events.length})`,
    noEvents: scenario.events.length === 0 ? 'No events: demand stays as it starts, and nothing opens a dispute.' : null,
    events: scenario.events.map((e) => ({ title: e.title, trigger: triggerWords(scenario, e.trigger), effects: e.effects.map((f) => effectWords(scenario, f)) })),
    dispute: dispute
      ? {
          heading: 'The dispute',
          product: nameOf(scenario.products, dispute.product),
          account: nameOf(scenario.accounts, dispute.account),
          summary: `Over ${nameOf(scenario.products, dispute.product)}, which ${nameOf(scenario.accounts, dispute.account)} buys: marketing argues to drop the line, sales to keep it for the account.`,
          leads: [
            { side: 'marketing', heading: `Marketing: ${dispute.marketing.name}, ${dispute.marketing.role}`, argument: dispute.marketing.argument },
            { side: 'sales', heading: `Sales: ${dispute.sales.name}, ${dispute.sales.role}`, argument: dispute.sales.argument },
          ],
          opens:
            openers.length === 0
              ? 'No event opens it, so it never comes up in a game.'
              : `Opened by the first of: ${openers.map((e) => `${e.title} (${triggerWords(scenario, e.trigger).replace(/^./, (c) => c.toLowerCase())})`).join('; ')}.`,
        }
      : { heading: 'The dispute', none: 'This scenario has no discontinuation dispute.' },
    scoring: scorecardView(scenario),
  };
}
