// The swings' causes, each said once: every link of every swing's chain is exactly one cause,
// which names exactly the swings whose chains hold it; no cause repeats another; they run in the
// order they happened; an account's loss and the purchases that ended with it are one cause.
import { describe, expect, it } from 'vitest';
import { BOTS, playBot } from '../../src/sim/index';
import { buildDebrief, type ChainLink, type Debrief } from '../../src/debrief/index';
import { loadShipped } from '../support/scenarios';

const MEASURE_NAMES = { profit: 'profit', revenue: 'revenue', customerEquity: 'customer equity', accounts: 'active accounts' } as const;

const same = (a: ChainLink, b: ChainLink) => a.quarter === b.quarter && a.kind === b.kind && a.text === b.text;

function checkCauses(debrief: Debrief, where: string): void {
  const { swings, causes } = debrief;
  // No link said twice, in one cause or in two.
  const said = causes.flatMap((c) => c.links.map((l) => `${l.quarter}|${l.kind}|${l.text}`));
  expect(new Set(said).size, where).toBe(said.length);
  // Every link of every chain is in one cause, and that cause names the swing.
  for (const swing of swings) {
    for (const link of swing.chain) {
      const matching = causes.filter((c) => c.links.some((l) => same(l, link)));
      expect(matching, `${where}: ${link.text}`).toHaveLength(1);
      expect(matching[0]!.links.find((l) => same(l, link)), where).toEqual(link);
      expect(matching[0]!.moved, where).toContainEqual({ measure: swing.measure, quarter: swing.quarter });
    }
  }
  for (const cause of causes) {
    // One link, or an account's loss and the purchases that ended with it.
    const [first, ...rest] = cause.links;
    expect(first!.kind, where).not.toBe('revenue-ended');
    if (rest.length > 0) {
      expect(first, where).toMatchObject({ kind: 'account-lost' });
      expect(rest, where).toEqual([expect.objectContaining({ kind: 'revenue-ended', account: first!.account, quarter: first!.quarter })]);
    }
    // It names only the swings it is behind, each once, and says so in words.
    const behind = swings.filter((s) => s.chain.some((l) => same(l, first!)));
    expect(cause.moved, where).toEqual(behind.map((s) => ({ measure: s.measure, quarter: s.quarter })));
    expect(cause.movedText, where).toMatch(/^Moved .+\.$/);
    for (const m of cause.moved) expect(cause.movedText, where).toMatch(new RegExp(`${MEASURE_NAMES[m.measure]}[^;]* in Q${m.quarter}\\b`));
  }
  // In the order they happened.
  for (let i = 1; i < causes.length; i++) expect(causes[i]!.links[0]!.quarter, where).toBeGreaterThanOrEqual(causes[i - 1]!.links[0]!.quarter);
  expect(said.length, where).toBeLessThanOrEqual(swings.reduce((n, s) => n + s.chain.length, 0));
}

describe('the swings’ causes, each said once', () => {
  it.each([
    ['two-hats', 20],
    ['solo-founder', 8],
    ['divisions', 8],
  ] as const)('%s: %i seeds × every bot', (id, seeds) => {
    const scenario = loadShipped(id);
    let repeated = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      for (const bot of BOTS) {
        const debrief = buildDebrief(scenario, seed, playBot(scenario, seed, bot).steps);
        checkCauses(debrief, `${id} seed ${seed} ${bot.name}`);
        if (debrief.causes.some((c) => c.moved.length > 1)) repeated++;
      }
    }
    // The grouping had work to do: in most games some cause was behind more than one swing.
    expect(repeated).toBeGreaterThan(seeds * BOTS.length * 0.5);
  });
});
