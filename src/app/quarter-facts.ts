// The facts the quarter report lists under "What happened": the accounts lost (first, so a loss is
// never below the fold) and won, the effort spent, the leads in hand and collaboration — from the
// quarter's record, with the accounts named as the player reads them. A lost key account is left
// to its alert banner (goal-view.ts), not repeated here.
import { accountNames } from '../scenario/account-names';
import type { GameState, QuarterRecord, Scenario } from '../sim/index';
import { formatPercent } from './format';
import { ordinaryLosses } from './goal-view';

export function quarterFacts(scenario: Scenario, game: GameState, record: QuarterRecord): string[] {
  const names = accountNames(scenario, game);
  const name = (id: string) => names.get(id) ?? id;
  const ordinary = ordinaryLosses(game, record);
  const won = record.newAccounts.length;
  return [
    ordinary.length > 0 ? `Lost: ${ordinary.map(name).join(', ')}.` : record.lostAccounts.length > 0 ? 'No other account lost.' : 'No account lost.',
    won > 0 ? `Won ${won} new account${won > 1 ? 's' : ''}: ${record.newAccounts.map(name).join(', ')}.` : 'No new accounts won.',
    // One person wears both hats: no joint work, nobody to collaborate with.
    scenario.firm.structure === 'solo' && record.effortJoint === 0
      ? `Effort: marketing ${record.effortMarketing}, sales ${record.effortSales} points.`
      : `Effort: marketing ${record.effortMarketing}, sales ${record.effortSales}, joint ${record.effortJoint} points.`,
    scenario.firm.structure === 'solo' ? `Leads in hand: ${record.leads.toFixed(1)}.` : `Leads in hand: ${record.leads.toFixed(1)}. Collaboration: ${formatPercent(record.collaboration)}.`,
  ];
}
