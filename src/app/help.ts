// What every move does and which part of the model it moves (the help dialog's text, typed by
// the model's move kinds, like the labels in move-text.ts, so a new move without help text fails
// the type check), and the guided first quarter's steps, each naming the part of the planning
// screen it explains.
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

/** The parts of the planning screen the guided first quarter explains, in its order. */
export type TourPart = 'budget' | 'marketing-moves' | 'product-lines' | 'sales-moves' | 'accounts' | 'firm' | 'forecast' | 'actions';

export const PLANNING_TOUR: readonly { part: TourPart; title: string; text: string }[] = [
  { part: 'budget', title: 'Your effort budget', text: 'Each quarter you have a fixed number of effort points. The bar fills blue for marketing, orange for sales and green for joint work; what is left stays grey.' },
  { part: 'marketing-moves', title: 'Marketing moves', text: 'Product-line work. Pick the line in the menu, then drag the slider or use − and + (arrow keys work too). Marketing pays slowly and lasts.' },
  { part: 'product-lines', title: 'Product lines', text: 'Last quarter’s revenue and profit per line, and each line’s goodwill: the stock campaigns build and time wears down.' },
  { part: 'sales-moves', title: 'Sales moves', text: 'People and accounts. Choose the account for servicing, relationship calls and referrals. Sales effort pays this quarter and fades when it stops.' },
  { part: 'accounts', title: 'Accounts', text: 'Each account’s relationship. Key accounts carry a star; an account that slips too far may leave.' },
  { part: 'firm', title: 'The firm and joint work', text: 'Cash, leads, accounts, collaboration and the score so far against par. Alignment meetings bring the two leads together; collaboration makes leads convert better.' },
  { part: 'forecast', title: 'The forecast', text: 'The model plays this plan every quarter to the end of the game over 200 possible futures: the expected figures, the range 8 futures in 10 fall in, and what each move adds now, next quarter and to the final score. It follows every change you make.' },
  { part: 'actions', title: 'Help, Undo and Commit', text: 'Help explains every move. Undo steps back through this quarter’s changes. Commit plays the quarter.' },
];

export const TOUR_WORDS = {
  counter: (step: number, of: number) => `Guided first quarter: ${step} of ${of}`,
  lastLabel: 'Start planning',
};
