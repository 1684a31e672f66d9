// The words for each move and for each refusal the model gives (a move, a decision, a dispute
// choice): the model refuses with a code and its figures (src/sim/errors.ts), and screens show
// refusalText of it. Kept beside the move help (help.ts); a move or a refusal code without words
// here fails the type check.
import { assertNever, type DisputeRefusal, type MoveKind, type MoveRefusal, type Refusal, type RefusalCode } from '../sim/index';
import { disputeRefusalText } from './dispute-text';

/** Each move's name on the planning screen and in refusals. */
export const MOVE_LABEL: Readonly<Record<MoveKind, string>> = {
  campaign: 'Campaign for a product line',
  research: 'Market research',
  improve: 'Product improvement',
  price: 'Price change',
  brand: 'Brand building',
  'portfolio-review': 'Portfolio review',
  prospecting: 'Prospecting',
  service: 'Servicing an account',
  relationship: 'Relationship building',
  referrals: 'Asking for referrals',
  closing: 'Closing (pull revenue forward)',
  discounting: 'Discounting',
  alignment: 'Alignment meeting',
};

/** Each move's short name, where a table has a narrow column for it (the forecast's effects). */
export const MOVE_SHORT_LABEL: Readonly<Record<MoveKind, string>> = {
  campaign: 'Campaign',
  research: 'Research',
  improve: 'Improvement',
  price: 'Price',
  brand: 'Brand',
  'portfolio-review': 'Portfolio review',
  prospecting: 'Prospecting',
  service: 'Service',
  relationship: 'Relationship',
  referrals: 'Referrals',
  closing: 'Closing',
  discounting: 'Discounting',
  alignment: 'Alignment',
};

/** The sentence a screen shows for a refused move or decision. */
export function moveRefusalText(refusal: MoveRefusal): string {
  switch (refusal.code) {
    case 'game-over':
      return 'The game is over.';
    case 'dispute-open':
      return 'The discontinuation dispute must be settled first.';
    case 'unknown-move':
      return `Unknown move "${refusal.kind}".`;
    case 'move-unavailable':
      return `${MOVE_LABEL[refusal.kind]} is not available in this scenario.`;
    case 'bad-points':
      return `${MOVE_LABEL[refusal.kind]}: effort must be a whole number of points, at least 1.`;
    case 'target-not-taken':
      return `${MOVE_LABEL[refusal.kind]} takes no target.`;
    case 'unknown-product':
      return `${MOVE_LABEL[refusal.kind]}: unknown product line "${refusal.target}".`;
    case 'product-discontinued':
      return `${MOVE_LABEL[refusal.kind]}: "${refusal.product}" has been discontinued.`;
    case 'unknown-account':
      return `${MOVE_LABEL[refusal.kind]}: unknown account "${refusal.target}".`;
    case 'account-lost':
      return `${MOVE_LABEL[refusal.kind]}: "${refusal.name}" is no longer a customer.`;
    case 'price-missing':
      return `${MOVE_LABEL[refusal.kind]}: give the new price in whole cents.`;
    case 'price-out-of-range':
      return `${MOVE_LABEL[refusal.kind]}: the price must stay between ${refusal.minShare * 100}% and ${refusal.maxShare * 100}% of the list price.`;
    case 'price-not-taken':
      return `${MOVE_LABEL[refusal.kind]} takes no price.`;
    case 'planned-twice':
      return `${MOVE_LABEL[refusal.kind]}${refusal.target ? ` for "${refusal.target}"` : ''} is planned twice; plan each move once.`;
    case 'over-budget':
      return `Over budget: ${refusal.planned} effort points planned, ${refusal.available} available this quarter${refusal.reserved > 0 ? ' (the dispute takes the rest)' : ''}.`;
    default:
      return assertNever(refusal);
  }
}

/** Which words each refusal code takes: a Record, so a new code without words fails the type check. */
const REFUSAL_OF: Readonly<Record<RefusalCode, 'move' | 'dispute'>> = {
  'game-over': 'move',
  'dispute-open': 'move',
  'unknown-move': 'move',
  'move-unavailable': 'move',
  'bad-points': 'move',
  'target-not-taken': 'move',
  'unknown-product': 'move',
  'product-discontinued': 'move',
  'unknown-account': 'move',
  'account-lost': 'move',
  'price-missing': 'move',
  'price-out-of-range': 'move',
  'price-not-taken': 'move',
  'planned-twice': 'move',
  'over-budget': 'move',
  'no-open-dispute': 'dispute',
  'unknown-option': 'dispute',
  'option-over-budget': 'dispute',
  'meeting-held': 'dispute',
  'already-investigated': 'dispute',
  'no-quarter-to-wait': 'dispute',
  'phase-out-too-late': 'dispute',
  'price-at-ceiling': 'dispute',
};

/** The sentence for any refusal the model gives. */
export function refusalText(refusal: Refusal): string {
  return REFUSAL_OF[refusal.code] === 'move' ? moveRefusalText(refusal as MoveRefusal) : disputeRefusalText(refusal as DisputeRefusal);
}

/**
 * Why a workshop code was rejected, in the words a board or verify-results shows: a decision the
 * model refused is worded like the planning screen's refusal, with its quarter; every other
 * reason is the scoreboard's own message. Ends with a full stop.
 */
export function rejectionText(rejected: { message: string; refused?: { quarter: number; refusal: Refusal } }): string {
  if (rejected.refused === undefined) return `${rejected.message}.`;
  return `the decisions do not replay: quarter ${rejected.refused.quarter} was refused. ${refusalText(rejected.refused.refusal)}`;
}
