// Step 9 of a quarter: the scenario's events due now fire (demand shifts, collaboration and cash
// changes, news, the dispute), after what the dispute itself schedules (see dispute.ts afterQuarter).
import { clamp01 } from '../model';
import { openDispute } from '../dispute';
import { assertNever } from '../errors';
import type { AccountState, GameState, ProductState, Scenario } from '../types';
import type { Compiled } from './compile';
import type { EventsOut } from './workspace';

/** The dispute opens once, over a line still sold, with a quarter left to live with the decision. */
function disputeCanOpen(scenario: Scenario, at: number, products: readonly ProductState[], dispute: GameState['dispute'], q: number): boolean {
  return scenario.dispute !== undefined && dispute === null && at >= 0 && products[at]!.active && q < scenario.quarters;
}

/** Fires the scenario's events due this quarter and applies their effects. */
export function runEvents(
  scenario: Scenario,
  cs: Compiled,
  state: GameState,
  disputeBefore: GameState['dispute'],
  products: readonly ProductState[],
  accounts: readonly AccountState[],
  accountRevenue: readonly number[],
  revenue: number,
  cashBefore: number,
): EventsOut {
  const q = state.quarter;
  let cash = cashBefore;
  let collaboration = state.collaboration;
  let segments = state.segments;
  let dispute = disputeBefore;
  let firedEvents = state.firedEvents;
  const eventTitles: string[] = [];
  const events = cs.events;
  for (let e = 0; e < events.length; e++) {
    const compiled = events[e]!;
    const event = compiled.event;
    if (firedEvents.includes(compiled.id)) continue;
    let fires = false;
    switch (compiled.trigger) {
      case 'quarter':
        fires = compiled.quarter === q;
        break;
      case 'product-losses': {
        const i = compiled.product;
        fires = i >= 0 && products[i]!.active && products[i]!.lossStreak >= compiled.quarters;
        break;
      }
      case 'revenue-share': {
        let j = 0;
        while (j < accounts.length && accounts[j]!.id !== compiled.account) j++;
        fires = j < accounts.length && revenue > 0 && accountRevenue[j]! > compiled.share * revenue;
        break;
      }
      default:
        return assertNever(compiled.trigger);
    }
    // An event whose only effect is to open the dispute stays silent once the dispute cannot open.
    if (fires && compiled.onlyDispute && !disputeCanOpen(scenario, cs.disputeProduct, products, dispute, q)) fires = false;
    if (!fires) continue;
    firedEvents = [...firedEvents, compiled.id];
    eventTitles.push(event.title);
    for (const effect of event.effects) {
      switch (effect.type) {
        case 'shift-demand':
          segments = segments.map((s) => (s.id === effect.segment ? { ...s, demand: effect.demand } : s));
          break;
        case 'collaboration':
          collaboration = clamp01(collaboration + effect.change);
          break;
        case 'cash':
          cash += effect.change;
          break;
        case 'news':
          break;
        case 'dispute': {
          const spec = scenario.dispute;
          if (spec && disputeCanOpen(scenario, cs.disputeProduct, products, dispute, q)) dispute = openDispute(scenario, accounts, q);
          break;
        }
        default:
          return assertNever(effect);
      }
    }
  }
  const out = cs.workspace.events;
  out.collaboration = collaboration;
  out.segments = segments;
  out.dispute = dispute;
  out.firedEvents = firedEvents;
  out.eventTitles = eventTitles;
  out.cash = cash;
  return out;
}
