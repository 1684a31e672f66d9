// The catalogue of moves: which side of the firm each belongs to and what it is aimed at.
// Shared by validation, the resolver, the bots and (later) the planning screen.
import type { MoveKind, MoveSide, MoveTargetKind } from './types';

export interface MoveInfo {
  side: MoveSide;
  target: MoveTargetKind;
  label: string;
}

export const MOVE_INFO: Record<MoveKind, MoveInfo> = {
  campaign: { side: 'marketing', target: 'product', label: 'Campaign for a product line' },
  research: { side: 'marketing', target: 'none', label: 'Market research' },
  improve: { side: 'marketing', target: 'product', label: 'Product improvement' },
  price: { side: 'marketing', target: 'product', label: 'Price change' },
  brand: { side: 'marketing', target: 'none', label: 'Brand building' },
  'portfolio-review': { side: 'marketing', target: 'none', label: 'Portfolio review' },
  prospecting: { side: 'sales', target: 'none', label: 'Prospecting' },
  service: { side: 'sales', target: 'account', label: 'Servicing an account' },
  relationship: { side: 'sales', target: 'account', label: 'Relationship building' },
  referrals: { side: 'sales', target: 'account', label: 'Asking for referrals' },
  closing: { side: 'sales', target: 'none', label: 'Closing (pull revenue forward)' },
  discounting: { side: 'sales', target: 'none', label: 'Discounting' },
  alignment: { side: 'joint', target: 'none', label: 'Alignment meeting' },
};

/** A price may be set between these shares of the list price. */
export const PRICE_MIN_SHARE = 0.5;
export const PRICE_MAX_SHARE = 2;
