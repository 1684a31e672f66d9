// The dispute as the debrief tells it: what was at stake, every choice made, the hidden anchor
// now revealed, what an investigation had estimated, whether the account left and why (the
// model's own churn split for that loss), and how each leader took the outcome, in the lines
// the scenario gives them.
import { reactionOf, type Scenario, type Side } from '../sim/index';
import { DISPUTE_OPTION_TEXT } from './dispute-text';
import { accountNames, productName } from './format';
import type { ReplayedGame } from './replay';
import type { DisputeSummary, LeaderReaction } from './types';

export function buildDisputeSummary(scenario: Scenario, game: ReplayedGame): DisputeSummary | null {
  const d = game.final.dispute;
  const spec = scenario.dispute;
  if (d === null || spec === undefined) return null;
  const names = accountNames(scenario, game.final);
  const account = game.final.accounts.find((a) => a.id === d.account);
  const lostIn = account?.lostInQuarter ?? null;
  const lossRecord = lostIn === null ? undefined : game.quarters[lostIn - 1]?.record.losses.find((l) => l.account === d.account);
  const cause: DisputeSummary['accountLossCause'] =
    lostIn === null ? null : lostIn <= d.openedInQuarter ? 'before-dispute' : lossRecord && lossRecord.anchorChurn > 0 && lossRecord.anchorProduct === d.product ? 'anchor' : 'ordinary';
  const lineBefore =
    d.decidedInQuarter !== null && d.decidedInQuarter >= 2
      ? (game.quarters[d.decidedInQuarter - 2]!.record.products.find((p) => p.product === d.product)?.profit ?? null)
      : null;
  const reaction = (side: Side): LeaderReaction => {
    const kind = reactionOf(d, side)!;
    const leader = spec[side];
    return { name: leader.name, role: leader.role, kind, line: leader.reactions[kind] };
  };
  return {
    product: d.product,
    productName: productName(scenario, d.product),
    account: d.account,
    accountName: names.get(d.account) ?? d.account,
    openedInQuarter: d.openedInQuarter,
    choices: d.choices.map((c) => ({ quarter: c.quarter, option: c.option, label: DISPUTE_OPTION_TEXT[c.option].label })),
    decision: d.option,
    decidedInQuarter: d.decidedInQuarter,
    anchorStrength: d.anchorStrength,
    estimate: d.investigation === null ? null : { estimate: d.investigation.estimate, low: d.investigation.low, high: d.investigation.high },
    heard: d.jointMeetingQuarter !== null,
    accountLost: lostIn !== null,
    accountLostInQuarter: lostIn,
    accountLossCause: cause,
    accountLoss: lossRecord ? { ordinaryChurn: lossRecord.ordinaryChurn, anchorChurn: lossRecord.anchorChurn, revenueBefore: lossRecord.revenueBefore } : null,
    lineProfitBeforeDecision: lineBefore,
    reactions: d.option === null ? null : { marketing: reaction('marketing'), sales: reaction('sales') },
  };
}
