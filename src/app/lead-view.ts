// The leads on screen (a scenario with `people`): on the planning screen each lead's card — who
// they are, how they look, what they ask for and how much of it the plan gives, their bonus plan
// and how it paid last quarter, and their morale with what it does to their side's work; on the
// quarter's report each lead's reaction. Read from the model's own figures (src/sim/leads.ts).
import { heardShare, leadAsks, moraleFactors, type GameState, type IncentiveMeasure, type LeadQuarter, type Move, type QuarterRecord, type Scenario, type Side, type VoiceSituation } from '../sim/index';
import { MORALE_NEUTRAL as MORALE_START } from '../sim/model';
import type { Mood } from '../scenario/portraits';
import { accountNames } from '../scenario/account-names';
import { formatPercent } from './format';
import { MOVE_SHORT_LABEL } from './move-text';
import { MEASURE_LABEL, askText, voiceLine } from './lead-text';

/** A lead's morale below this shows as costing the firm (their side's moves work under 95%). */
export const MORALE_COSTLY = 0.9;

export interface BonusMeter {
  /** What the plan pays on, with its weights: "this quarter’s revenue 70% · new accounts 30%". */
  plan: string;
  /** Last quarter's pay-out against target (0–1.5), or null before the first quarter. */
  last: number | null;
  lastText: string;
}

export interface LeadCard {
  side: Side;
  name: string;
  role: string;
  portrait: string;
  mood: Mood;
  /** Their opening line and what they ask for (null: nothing this quarter). */
  opener: string;
  ask: string | null;
  /** Points the plan gives the ask so far, of the ask's points. */
  given: number;
  asked: number;
  heardText: string | null;
  /** The move that gives the ask in full (null when the plan already does, or nothing is asked). */
  give: Move | null;
  /** The ask's move in a word or two, for the planning screen's chip: "Campaign · Cold Brew Kegs". */
  askShort: string | null;
  bonus: BonusMeter;
  /** Morale 0–1 and how hard their side's moves work at it. */
  morale: number;
  factor: number;
  moraleText: string;
  /** Morale is costing the firm: say so. */
  costly: boolean;
}

export interface LeadReaction {
  side: Side;
  name: string;
  role: string;
  portrait: string;
  mood: Mood;
  /** Their line, in character. */
  line: string;
  /** What happened to them, in figures: the ask heard, the plan's pay-out, morale before and after. */
  facts: string[];
  /** The same in a line: "Heard 4/4 · bonus 99% · morale 56% → 61%". */
  summary: string;
  /** The plan's pay-out against target (0–1.5), for the bonus meter. */
  bonus: number;
}

/** What a lead's bonus is paid on, with the weights as shares: "this quarter’s revenue 70% · new accounts 30%". */
export function planText(scenario: Scenario, side: Side, labels: Record<IncentiveMeasure, string> = MEASURE_LABEL): string {
  const incentive = scenario.people![side].incentive;
  const entries = (Object.entries(incentive) as [IncentiveMeasure, number][]).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return entries.map(([m, w]) => `${labels[m]} ${Math.round((100 * w) / total)}%`).join(' · ');
}

const moodOf = (morale: number): Mood => (morale >= 0.7 ? 'pleased' : morale < 0.3 ? 'upset' : morale < 0.5 ? 'worried' : 'neutral');

function moraleWords(morale: number, factor: number): string {
  const work = `their side’s moves work at ${formatPercent(factor)}`;
  return `Morale ${formatPercent(morale)}: ${work}${factor < MORALE_COSTLY ? ' — low morale is costing the firm' : ''}`;
}

/** Both leads' cards for the planning screen, or null for a firm without people. */
export function leadCards(scenario: Scenario, game: GameState, draft: readonly Move[]): LeadCard[] | null {
  const people = scenario.people;
  const asks = leadAsks(scenario, game);
  if (!people || !asks || !game.morale) return null;
  const factors = moraleFactors(game);
  const last = game.history[game.history.length - 1]?.people;
  return (['marketing', 'sales'] as const).map((side) => {
    const person = people[side];
    const ask = asks[side];
    const given = ask ? Math.round(heardShare(ask, draft) * ask.points) : 0;
    const morale = game.morale![side];
    const lastBonus = last ? last[side].bonus : null;
    return {
      side,
      name: person.name,
      role: person.role,
      portrait: person.portrait,
      mood: moodOf(morale),
      opener: voiceLine(person, side, 'ask'),
      ask: ask ? askText(scenario, game, ask) : null,
      given,
      asked: ask?.points ?? 0,
      heardText: ask ? (given >= ask.points ? 'Your plan gives all of it.' : given > 0 ? `Your plan gives ${given} of ${ask.points}.` : 'Your plan gives none of it yet.') : null,
      give: ask && given < ask.points ? (ask.target === undefined ? { kind: ask.kind, points: ask.points } : { kind: ask.kind, target: ask.target, points: ask.points }) : null,
      askShort: ask ? `${MOVE_SHORT_LABEL[ask.kind]}${ask.target ? ` · ${targetName(scenario, game, ask.target)}` : ''}` : null,
      bonus: {
        plan: `Bonus paid on ${planText(scenario, side)}`,
        last: lastBonus,
        lastText: lastBonus === null ? 'No quarter paid yet' : `Last quarter paid ${formatPercent(lastBonus)} of target`,
      },
      morale,
      factor: factors[side],
      moraleText: moraleWords(morale, factors[side]),
      costly: factors[side] < MORALE_COSTLY,
    };
  });
}

/** How each lead takes quarter `record` of `game` (played), or null for a firm without people. */
export function leadReactions(scenario: Scenario, game: GameState, record: QuarterRecord): LeadReaction[] | null {
  const people = scenario.people;
  if (!people || !record.people) return null;
  const lostKey = record.lostAccounts.some((id) => game.accounts.find((a) => a.id === id)?.key);
  // Morale since the quarter before (the dispute's decision, if one came between, is in the change).
  const previous = game.history[record.quarter - 2]?.people;
  return (['marketing', 'sales'] as const).map((side) => {
    const person = people[side];
    const q: LeadQuarter = record.people![side];
    const was = previous ? previous[side].morale : MORALE_START;
    // A lost key account first, then whether they were heard, then how their plan paid.
    const unheard = q.ask !== null && q.heard < 0.5;
    const situation: VoiceSituation = side === 'sales' && lostKey ? 'keyAccountLost' : unheard ? 'unheard' : q.bonus >= 1 ? 'pleased' : 'worried';
    const mood: Mood = situation === 'keyAccountLost' || (unheard && q.bonus < 1) ? 'upset' : situation === 'pleased' ? 'pleased' : 'worried';
    const facts: string[] = [];
    if (q.ask) {
      const kind = q.ask.kind;
      const got = Math.round(q.heard * q.ask.points);
      facts.push(got >= q.ask.points ? `Heard: you gave the ${q.ask.points} points of ${KIND_WORDS[kind]} asked for.` : got > 0 ? `Partly heard: ${got} of the ${q.ask.points} points of ${KIND_WORDS[kind]} asked for.` : `Not heard: none of the ${q.ask.points} points of ${KIND_WORDS[kind]} asked for.`);
    }
    facts.push(`Bonus plan paid ${formatPercent(q.bonus)} of target.`);
    facts.push(`Morale ${formatPercent(was)} → ${formatPercent(q.morale)}.`);
    const heard = q.ask ? `Heard ${Math.round(q.heard * q.ask.points)}/${q.ask.points}` : 'Asked nothing';
    const summary = `${heard} · bonus ${formatPercent(q.bonus)} · morale ${formatPercent(was)} → ${formatPercent(q.morale)}`;
    return { side, name: person.name, role: person.role, portrait: person.portrait, mood, line: voiceLine(person, side, situation), facts, summary, bonus: q.bonus };
  });
}

function targetName(scenario: Scenario, game: GameState, id: string): string {
  return scenario.products.find((p) => p.id === id)?.name ?? accountNames(scenario, game).get(id) ?? id;
}

/** A move's name inside a sentence ("the 4 points of prospecting asked for"). */
const KIND_WORDS: Record<Move['kind'], string> = {
  campaign: 'campaigning',
  research: 'market research',
  improve: 'product improvement',
  price: 'price change',
  brand: 'brand building',
  'portfolio-review': 'portfolio review',
  prospecting: 'prospecting',
  service: 'service',
  relationship: 'relationship building',
  referrals: 'referrals',
  closing: 'closing',
  discounting: 'discounting',
  alignment: 'alignment',
};
