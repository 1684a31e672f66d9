// The causes behind the debrief's big swings, each said once. One quarter's decision or lost
// account lies behind its profit, its revenue and its customer equity alike, and often behind a
// later quarter too, so the swings' chains repeat the same links; here every link is one cause,
// in the order the causes happened, naming the swings (which figure, which quarter) it moved.
// A revenue-ended link always follows the loss of its account in a chain (src/debrief/chains.ts).
import { listOf, quarterLabel as Q } from './format';
import type { Cause, ChainLink, Swing, SwingMeasure } from './types';

const MEASURE_NAMES: Record<SwingMeasure, string> = {
  profit: 'profit',
  revenue: 'revenue',
  customerEquity: 'customer equity',
  accounts: 'active accounts',
};

/** Two links are the same cause when they say the same thing about the same quarter. */
const identity = (link: ChainLink) => `${link.quarter}|${link.kind}|${link.text}`;

function movedText(moved: readonly { measure: SwingMeasure; quarter: number }[]): string {
  const quarters: number[] = [];
  for (const m of moved) if (!quarters.includes(m.quarter)) quarters.push(m.quarter);
  quarters.sort((a, b) => a - b);
  const parts = quarters.map((q) => `${listOf(moved.filter((m) => m.quarter === q).map((m) => MEASURE_NAMES[m.measure]))} in ${Q(q)}`);
  return `Moved ${parts.length > 2 ? `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}` : parts.join(', and ')}.`;
}

/**
 * Every link of every swing's chain once, ordered by the quarter it happened in and, within a
 * quarter, as the chains first give it (a decision before the losses it led to). A lost account's
 * purchases ending is said with its loss, as one cause.
 */
export function groupCauses(swings: readonly Swing[]): Cause[] {
  const found = new Map<string, { links: ChainLink[]; first: number; moved: { measure: SwingMeasure; quarter: number }[] }>();
  let order = 0;
  for (const swing of swings) {
    swing.chain.forEach((link, i) => {
      const before = swing.chain[i - 1];
      const followsLoss = link.kind === 'revenue-ended' && before?.kind === 'account-lost' && before.account === link.account;
      const key = identity(followsLoss ? before : link);
      let cause = found.get(key);
      if (!cause) found.set(key, (cause = { links: [link], first: order++, moved: [] }));
      else if (!cause.links.some((l) => identity(l) === identity(link))) cause.links.push(link);
      if (!cause.moved.some((m) => m.measure === swing.measure && m.quarter === swing.quarter)) cause.moved.push({ measure: swing.measure, quarter: swing.quarter });
    });
  }
  return [...found.values()]
    .sort((a, b) => a.links[0]!.quarter - b.links[0]!.quarter || a.first - b.first)
    .map(({ links, moved }) => ({ links, moved, movedText: movedText(moved) }));
}
