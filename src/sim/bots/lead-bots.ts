// Bots that play with the leads as people (a scenario's `people`): one that hears both leads'
// asks every quarter, and ones that override a lead every quarter — each on the balanced bot's
// plan, so the difference between them is the hearing. They measure the idea that respect for
// each lead's knowledge pays through morale, not by a rule that rewards it.
import { leadAsks } from '../leads';
import { MOVE_INFO } from '../moves';
import type { Side } from '../dispute';
import type { Bot } from './bot';
import type { GameState, LeadAsk, Move, Scenario } from '../types';
import { effortAvailable } from '../effort';
import { balanced, marketingMoves, salesMoves } from './strategies';

const meets = (m: Move, ask: LeadAsk) => m.kind === ask.kind && (ask.target === undefined || m.target === ask.target);

/** Takes every point off the ask and puts it on the plan's largest other move of the same side (or any side). */
export function override(moves: Move[], ask: LeadAsk): Move[] {
  const out = moves.map((m) => ({ ...m }));
  let freed = 0;
  for (const m of out) {
    if (meets(m, ask)) {
      freed += m.points;
      m.points = 0;
    }
  }
  const side = MOVE_INFO[ask.kind].side;
  const others = out.filter((m) => !meets(m, ask) && m.kind !== 'price' && m.points > 0);
  const pick = others.filter((m) => MOVE_INFO[m.kind].side === side).sort((a, b) => b.points - a.points)[0] ?? others.sort((a, b) => b.points - a.points)[0];
  if (pick) pick.points += freed;
  return out.filter((m) => m.points > 0 || m.kind === 'price');
}

/** Adds an ask's points to the plan (onto the same move when the plan has it). */
function give(moves: Move[], ask: LeadAsk): void {
  const into = moves.find((m) => meets(m, ask));
  if (into) into.points += ask.points;
  else moves.push(ask.target === undefined ? { kind: ask.kind, points: ask.points } : { kind: ask.kind, target: ask.target, points: ask.points });
}

/**
 * The balanced plan (half the effort to each side) with `heard` leads' asks met first and the
 * rest of their side's half spread as the balanced bot spreads it; an `overruled` lead's ask
 * gets no point at all.
 */
function planHearing(scenario: Scenario, state: GameState, heard: readonly Side[], overruled: Side | null): Move[] {
  const asks = leadAsks(scenario, state);
  const available = effortAvailable(scenario, state);
  const half = Math.floor(available / 2);
  const budget: Record<Side, number> = { marketing: half, sales: available - half };
  const met: LeadAsk[] = [];
  for (const side of heard) {
    const ask = asks?.[side];
    if (!ask || ask.points > budget[side]) continue;
    budget[side] -= ask.points;
    met.push(ask);
  }
  let moves: Move[] = [];
  marketingMoves(scenario, state, budget.marketing, moves);
  salesMoves(scenario, state, budget.sales, moves);
  for (const ask of met) give(moves, ask);
  const denied = overruled ? asks?.[overruled] : null;
  if (denied) moves = override(moves, denied);
  return moves;
}

export const hearsLeads: Bot = {
  name: 'hears-leads',
  description: 'Plays the balanced split, giving each lead the effort they ask for every quarter out of their side’s half.',
  decide: (scenario, state) => ({ moves: planHearing(scenario, state, ['sales', 'marketing'], null) }),
  settleDispute: (scenario, state, rng) => balanced.settleDispute(scenario, state, rng),
};

function overrides(side: Side): Bot {
  const other: Side = side === 'sales' ? 'marketing' : 'sales';
  return {
    name: `overrides-${side}`,
    description: `Plays the balanced split, hears the ${other} lead, and never gives the ${side} lead what they ask for.`,
    decide: (scenario, state) => ({ moves: planHearing(scenario, state, [other], side) }),
    settleDispute: (scenario, state, rng) => balanced.settleDispute(scenario, state, rng),
  };
}

export const overridesSales = overrides('sales');
export const overridesMarketing = overrides('marketing');

/** The lead bots: only scenarios with people give them asks to hear (elsewhere they play the balanced plan). */
export const LEAD_BOTS: readonly Bot[] = [hearsLeads, overridesSales, overridesMarketing];
