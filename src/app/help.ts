// What every move does and which part of the model it moves: the help panel's text and the
// guided first quarter's. Keyed by the model's MoveKind (like the labels in move-text.ts), so a
// new move without help text fails the type check.
import type { MoveKind } from '../sim/index';

export interface MoveHelp {
  does: string;
  affects: string;
}

export const MOVE_HELP: Record<MoveKind, MoveHelp> = {
  campaign: {
    does: 'Advertises one product line.',
    affects: 'Adds to the line’s goodwill, a stock that decays a little every quarter (Nerlove–Arrow). Goodwill brings leads and lifts what accounts buy from the next quarter on: slow, but it lasts. Research insight makes campaigns stronger.',
  },
  research: {
    does: 'Studies customers and the market.',
    affects: 'Builds customer insight, which makes every later campaign work harder. Pays nothing on its own this quarter.',
  },
  improve: {
    does: 'Improves one product line.',
    affects: 'Raises the line’s quality, which erodes slowly without work. Quality keeps accounts satisfied and lifts volumes.',
  },
  price: {
    does: 'Sets a new price for one product line (between half and twice the list price).',
    affects: 'Changes revenue per unit; units sold move the other way with the scenario’s price elasticity.',
  },
  brand: {
    does: 'Builds the firm’s brand.',
    affects: 'Adds a little goodwill to every product line at once.',
  },
  'portfolio-review': {
    does: 'Reviews the product portfolio for waste.',
    affects: 'Cuts every active line’s fixed costs, down to a floor. Helps profit, not sales.',
  },
  prospecting: {
    does: 'Works the leads marketing has brought in.',
    affects: 'Raises the share of leads that become new accounts. New accounts = leads × conversion: without leads, prospecting wins nothing, and collaboration scales how well it converts.',
  },
  service: {
    does: 'Services one account.',
    affects: 'Raises the account’s satisfaction. Satisfied accounts churn less and give referrals.',
  },
  relationship: {
    does: 'Calls on one account to build the relationship.',
    affects: 'Raises the relationship (CALLPLAN): the account buys more and is less likely to leave. Pays fast, and fades when the calls stop.',
  },
  referrals: {
    does: 'Asks one account for referrals.',
    affects: 'Satisfied accounts that are asked bring referral leads (the Bass imitation effect).',
  },
  closing: {
    does: 'Pushes deals to close this quarter.',
    affects: 'Pulls revenue forward from next quarter at a price concession, and costs some satisfaction. Short-run gain, long-run cost.',
  },
  discounting: {
    does: 'Offers a discount to every account.',
    affects: 'Sells more units at a lower price now, and teaches customers to wait for the next discount.',
  },
  alignment: {
    does: 'Brings the marketing and sales leads together to plan.',
    affects: 'Raises collaboration, which otherwise drifts down. Collaboration scales how well leads convert into accounts and counts in the score.',
  },
};
