// The bots' idea tests, shared by every shipped scenario: balanced beats the extremes, the
// short-run player leads early and loses late, skill pays, and each side needs the other.
// When one fails, tune the scenario's numbers, never these thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_BOTS, DOMINANCE_SHARE, playSeed } from '../../src/balance/report';
import { BOTS, DISPUTE_OPTIONS, FINAL_DISPUTE_OPTIONS, playBot, type DisputeOption, type QuarterRecord } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

interface BotRuns {
  finalScore: number[];
  revenueAfterQ2: number[];
  history: QuarterRecord[][];
}

const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;

export function ideaTests(id: string, seeds = 500): void {
  const runs = new Map<string, BotRuns>();
  const bot = (name: string) => runs.get(name)!;
  const share = (predicate: (seed: number) => boolean) => {
    let hits = 0;
    for (let i = 0; i < seeds; i++) if (predicate(i)) hits++;
    return hits / seeds;
  };

  describe(`${id}: the ideas hold over ${seeds} seeds`, () => {
    let half = 5;
    beforeAll(() => {
      const scenario = loadShipped(id);
      half = Math.floor(scenario.quarters / 2);
      for (const b of BOTS) {
        const r: BotRuns = { finalScore: [], revenueAfterQ2: [], history: [] };
        for (let seed = 1; seed <= seeds; seed++) {
          const h = playBot(scenario, seed, b).state.history;
          r.finalScore.push(h[h.length - 1]!.score.total);
          r.revenueAfterQ2.push(h[0]!.revenue + h[1]!.revenue);
          r.history.push(h);
        }
        runs.set(b.name, r);
      }
    });

    it('balanced beats all-marketing and all-sales on final score in ≥ 95% of seeds (each needs the other)', () => {
      const balanced = bot('balanced').finalScore;
      expect(share((i) => balanced[i]! > bot('all-marketing').finalScore[i]!)).toBeGreaterThanOrEqual(0.95);
      expect(share((i) => balanced[i]! > bot('all-sales').finalScore[i]!)).toBeGreaterThanOrEqual(0.95);
    });

    it('short-run-greedy leads on revenue after quarter 2 …', () => {
      const greedy = bot('short-run-greedy').revenueAfterQ2;
      expect(share((i) => greedy[i]! > bot('balanced').revenueAfterQ2[i]!)).toBeGreaterThanOrEqual(0.9);
      for (const other of BOTS) {
        if (other.name === 'short-run-greedy') continue;
        expect(mean(greedy), `greedy vs ${other.name}`).toBeGreaterThan(mean(bot(other.name).revenueAfterQ2));
      }
    });

    it('… but loses on final score in ≥ 80% of seeds (the short run against the long run)', () => {
      const greedy = bot('short-run-greedy').finalScore;
      expect(share((i) => greedy[i]! < bot('balanced').finalScore[i]!)).toBeGreaterThanOrEqual(0.8);
    });

    it('adaptive beats balanced on average (skill pays)', () => {
      expect(mean(bot('adaptive').finalScore)).toBeGreaterThan(mean(bot('balanced').finalScore));
    });

    it('without marketing there are no sales: all-sales runs out of leads and goodwill-driven volume', () => {
      const late = (name: string) => mean(bot(name).history.map((h) => h.slice(half).reduce((s, r) => s + r.newAccounts.length + r.leads, 0)));
      expect(late('all-sales')).toBeLessThan(late('balanced'));
    });

    it('without sales marketing fails: all-marketing converts few leads into accounts', () => {
      const won = (name: string) => mean(bot(name).history.map((h) => h.reduce((s, r) => s + r.newAccounts.length, 0)));
      expect(won('all-marketing')).toBeLessThan(0.5 * won('balanced'));
    });
  });
}

/**
 * The dispute's no-dominance test (DESIGN.md: "No option may dominate across seeds"): with each
 * option forced, by the balanced and the adaptive bot, no option is the better choice in more
 * than 70% of the seeds where the dispute opened — the same rule the balance report warns on.
 * With `investigationPays`, the value of information too: investigating first (then the bot
 * decides on the findings) beats every blind decision on average, as it must when the hidden
 * anchor's range is wide (two-hats; issue "The discontinuation dispute").
 */
export function disputeTests(id: string, { seeds = 1000, investigationPays = false } = {}): void {
  describe(`${id}: the dispute over ${seeds} seeds`, () => {
    const forced = new Map<string, Partial<Record<DisputeOption, number>>[]>();
    beforeAll(() => {
      const scenario = loadShipped(id);
      for (const name of DISPUTE_BOTS) {
        const rows: Partial<Record<DisputeOption, number>>[] = [];
        for (let seed = 1; seed <= seeds; seed++) {
          const row = playSeed(scenario, seed, BOTS.filter((b) => b.name === name)).forced[name];
          if (row) rows.push(row);
        }
        forced.set(name, rows);
      }
    }, 120_000);

    it.each(DISPUTE_BOTS)('played by %s, each option is best in at most 70% of seeds', (name) => {
      const rows = forced.get(name)!;
      const best = new Map<string, number>();
      for (const row of rows) {
        const ranked = DISPUTE_OPTIONS.map((o) => [o, row[o]!] as const).sort((a, b) => b[1] - a[1]);
        if (ranked.length > 1 && ranked[0]![1] > ranked[1]![1]) best.set(ranked[0]![0], (best.get(ranked[0]![0]) ?? 0) + 1);
      }
      expect(rows.length, 'the dispute should open in most games').toBeGreaterThan(seeds / 2);
      for (const option of DISPUTE_OPTIONS) {
        expect((best.get(option) ?? 0) / rows.length, `"${option}" best`).toBeLessThanOrEqual(DOMINANCE_SHARE);
      }
    });

    // Declared only where the scenario claims it, so no test is ever skipped.
    if (investigationPays) {
      it.each(DISPUTE_BOTS)('played by %s, investigating first beats every blind decision on average', (name) => {
        const rows = forced.get(name)!;
        const meanOf = (o: DisputeOption) => mean(rows.map((r) => r[o]!));
        for (const blind of FINAL_DISPUTE_OPTIONS) expect(meanOf('investigate'), `investigate vs ${blind}`).toBeGreaterThan(meanOf(blind));
      });
    }
  });
}
