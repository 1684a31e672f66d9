// The words for each way to act on the dispute and for each refusal of one: one table, read by
// the debrief's sentences and (re-exported by src/app/dispute-text.ts) by the app and the
// scenes. It lives here, not in src/app, because the debrief may import only the model, the flow
// and the scenario, while src/app and the scenes may import the debrief.
import {
  INVESTIGATION_EFFORT,
  JOINT_MEETING_EFFORT,
  MIGRATION_EFFORT,
  MIGRATION_RELIEF,
  REPRICE_SHARE,
} from '../sim/model';
import { DISPUTE_OPTIONS, assertNever, type DisputeOption, type DisputeRefusal } from '../sim/index';

/** Words for each option, for screens, reports and the debrief. */
export const DISPUTE_OPTION_TEXT: Readonly<Record<DisputeOption, { label: string; summary: string }>> = {
  discontinue: {
    label: 'Discontinue now',
    summary: 'The line stops this quarter: its fixed cost is saved at once; the account may leave with everything it buys.',
  },
  keep: { label: 'Keep the line', summary: 'The line stays as it is: its losses go on; the account keeps what it relies on.' },
  reprice: {
    label: 'Reprice',
    summary: `The line’s price rises by up to ${REPRICE_SHARE * 100}%: fewer units at a better margin; the more the account depends on the line, the more the rise strains it.`,
  },
  'phase-out': {
    label: 'Phase out over two quarters',
    summary: `The line runs two more quarters while sales move the account to other lines (${MIGRATION_EFFORT} sales points a quarter): the anchor risk is cut by ${MIGRATION_RELIEF * 100}%.`,
  },
  investigate: {
    label: 'Investigate first',
    summary: `Sales spend a quarter with the account (${INVESTIGATION_EFFORT} points, which also build the relationship): learn roughly how much it depends on the line, then decide. The line runs meanwhile.`,
  },
  'joint-meeting': {
    label: 'Hold a joint meeting',
    summary: `Hear both sides together before deciding (${JOINT_MEETING_EFFORT} points): collaboration rises, and whoever loses knows they were heard.`,
  },
};

/** The sentence a screen shows for a refused dispute choice. */
export function disputeRefusalText(refusal: DisputeRefusal): string {
  switch (refusal.code) {
    case 'no-open-dispute':
      return 'There is no open dispute to settle.';
    case 'unknown-option':
      return `Unknown way to settle the dispute: "${refusal.option}". Choose one of: ${DISPUTE_OPTIONS.join(', ')}.`;
    case 'option-over-budget':
      return `${DISPUTE_OPTION_TEXT[refusal.option].label}: needs ${refusal.needs} effort points; ${refusal.left} are left this quarter.`;
    case 'meeting-held':
      return 'The joint meeting has already been held.';
    case 'already-investigated':
      return 'The account has already been investigated.';
    case 'no-quarter-to-wait':
      return 'Investigate first: there is no quarter left to wait for the findings.';
    case 'phase-out-too-late':
      return 'Phase out: fewer than two quarters are left, so the line would never stop.';
    case 'price-at-ceiling':
      return 'Reprice: the line is already at the highest price allowed.';
    default:
      return assertNever(refusal);
  }
}
