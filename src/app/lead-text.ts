// The leads' words: the game's default line for each situation (a scenario's `people.*.voice`
// replaces any of them), what each ask says in the lead's own terms, and the names of the measures
// their bonus is paid on. The model gives codes and figures (src/sim/leads.ts); this is how a
// lead puts them.
import type { AskReason, GameState, IncentiveMeasure, LeadAsk, PersonSpec, Scenario, Side, VoiceSituation } from '../sim/index';
import { accountNames } from '../scenario/account-names';
import { formatMoney, formatPercent } from './format';

export const DEFAULT_VOICE: Record<Side, Record<VoiceSituation, string>> = {
  marketing: {
    ask: 'Before you plan: the product lines need looking after, or we pay for it next year.',
    pleased: 'The lines are in better shape than last quarter. That is what I am paid for.',
    worried: 'The lines are slipping, and goodwill lost now takes quarters to win back.',
    unheard: 'I asked for a little effort on the lines and got none. My team noticed.',
    keyAccountLost: 'Losing that account hurts. Let us not panic into discounting.',
  },
  sales: {
    ask: 'Got a minute? My team’s quarter is on the line.',
    pleased: 'Good quarter: the team hit its numbers, and the customers noticed.',
    worried: 'We are behind plan. My people can feel it, and so can our customers.',
    unheard: 'You did not give my team what I asked for. They will not push as hard next quarter.',
    keyAccountLost: 'We lost one of our big accounts. I warned this could happen.',
  },
};

export function voiceLine(person: PersonSpec, side: Side, situation: VoiceSituation): string {
  return person.voice[situation] ?? DEFAULT_VOICE[side][situation];
}

/** Each measure's name on a bonus meter. */
export const MEASURE_LABEL: Record<IncentiveMeasure, string> = {
  revenue: 'this quarter’s revenue',
  newAccounts: 'new accounts',
  lineProfit: 'the lines’ profit over the year',
  goodwill: 'the lines’ goodwill',
  profit: 'the firm’s profit over the year',
};

/** The same, short, where a line has little room (the briefing). */
export const MEASURE_SHORT: Record<IncentiveMeasure, string> = {
  revenue: 'quarter’s revenue',
  newAccounts: 'new accounts',
  lineProfit: 'lines’ profit',
  goodwill: 'goodwill',
  profit: 'firm’s profit',
};

const points = (n: number) => (n === 1 ? '1 point' : `${n} points`);

/** What an ask says: the move and the lead's reason, in the terms of their plan. */
export function askText(scenario: Scenario, game: GameState, ask: LeadAsk): string {
  const line = scenario.products.find((p) => p.id === ask.target)?.name ?? ask.target ?? '';
  const account = ask.target ? (accountNames(scenario, game).get(ask.target) ?? ask.target) : '';
  const n = points(ask.points);
  const why: Record<AskReason, () => string> = {
    'revenue-below-plan': () => `${n} of closing. Revenue came in at ${formatPercent(ask.value)} of my plan last quarter, and my bonus is paid on this quarter’s.`,
    'prospects-open': () => `${n} of prospecting. ${ask.value === 1 ? 'One prospect is' : `${ask.value} prospects are`} still out there, and I am paid on new accounts.`,
    'key-account-cooling': () => `${n} of relationship building with ${account}. Their relationship is down to ${formatPercent(ask.value)}, and I cannot sell to a customer who has gone cold.`,
    'goodwill-sliding': () => `${n} of campaigning for ${line}. Its goodwill has slid to ${formatPercent(ask.value)}; leads dry up a quarter after goodwill does.`,
    'line-losing': () => `${n} of product improvement on ${line}. It lost ${formatMoney(-ask.value)} last quarter, and my bonus is the lines’ profit.`,
    'profit-below-plan': () => `${n} of portfolio review. The firm made ${formatMoney(ask.value)} last quarter, below plan; fixed costs are where to look.`,
    'build-insight': () => `${n} of market research. Insight makes every campaign we run work harder.`,
  };
  return why[ask.reason]();
}
