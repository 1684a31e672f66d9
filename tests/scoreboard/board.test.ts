// The scoreboard: ranking by recomputed score with the stated tie-break, bad codes isolated, the
// heat taken from a heat code or from most codes; the exports' columns and escaping; luck or skill.
import { describe, expect, it } from 'vitest';
import {
  HeatCodeError,
  TIE_BREAK_RULE,
  buildScoreboard,
  compareResults,
  decodeResultCode,
  encodeResultCode,
  makeHeatCode,
  type Rankable,
} from '../../src/scoreboard/index';
import { csvColumns, csvText, scoreboardCsv, scoreboardJson } from '../../src/scoreboard/export';
import { TRANSPLANT_RULE, boardLuckOrSkill, otherSeeds, transplant } from '../../src/scoreboard/luck';
import { runReplay } from '../../src/replay/replay';
import { botCode, botReplay, codeOf, scenario } from './support';

const codes = {
  balanced: botCode('balanced', 'Balancers'),
  adaptive: botCode('adaptive', 'Adapters'),
  sales: botCode('all-sales', 'Sellers'),
  marketing: botCode('all-marketing', 'Marketers'),
};

describe('ranking', () => {
  it('orders by score, then final customer equity, then total profit, then submission order', () => {
    const base: Rankable = { score: 50, customerEquity: 1000, totalProfit: 500, position: 3 };
    expect(compareResults(base, { ...base, score: 51 })).toBeGreaterThan(0);
    expect(compareResults(base, { ...base, customerEquity: 1001, totalProfit: 0, position: 9 })).toBeGreaterThan(0);
    expect(compareResults(base, { ...base, totalProfit: 501, position: 9 })).toBeGreaterThan(0);
    expect(compareResults(base, { ...base, position: 4 })).toBeLessThan(0);
    expect(compareResults(base, { ...base, customerEquity: 999, totalProfit: 10_000, position: 0 })).toBeLessThan(0);
    const shuffled: Rankable[] = [
      { score: 60, customerEquity: 5, totalProfit: 5, position: 4 },
      { score: 60, customerEquity: 5, totalProfit: 5, position: 1 },
      { score: 60, customerEquity: 5, totalProfit: 9, position: 3 },
      { score: 60, customerEquity: 7, totalProfit: 0, position: 2 },
      { score: 70, customerEquity: 0, totalProfit: 0, position: 0 },
    ];
    expect(shuffled.sort(compareResults).map((r) => r.position)).toEqual([0, 2, 3, 1, 4]);
    expect(TIE_BREAK_RULE).toMatch(/customer equity.*profit.*first/s);
  });

  it('ranks verified codes by recomputed score and keeps the claimed score beside it', () => {
    const board = buildScoreboard(scenario, [codes.sales, codes.balanced, codes.marketing, codes.adaptive]);
    expect(board.entries.map((e) => [e.rank, e.group])).toEqual([
      [1, 'Adapters'],
      [2, 'Balancers'],
      [3, 'Sellers'],
      [4, 'Marketers'],
    ]);
    for (const e of board.entries) {
      expect(e.score).toBe(runReplay(scenario, e.replay).score);
      expect(e.claimedScore).toBe(e.score);
    }
    expect(board.seed).toBe(1);
    expect(board.seedSource).toBe('majority');
    expect(board.heatCode).toBe(makeHeatCode(scenario, 1));
    expect(board.rejected).toEqual([]);
  });

  it("rejects a copy of an earlier group's decisions under another name: the first submission stands", () => {
    const a = decodeResultCode(codes.balanced);
    const twin = encodeResultCode({ ...a, group: 'Twins' });
    const board = buildScoreboard(scenario, [twin, codes.balanced]);
    expect(board.entries.map((e) => e.group)).toEqual(['Twins']);
    expect(board.rejected[0]).toMatchObject({ reason: 'duplicate', group: 'Balancers', label: 'code 2' });
  });

  it('is unharmed by bad codes among good ones', () => {
    const good = [codes.balanced, codes.adaptive, codes.sales];
    const clean = buildScoreboard(scenario, good);
    const bad = [
      'garbage',
      codes.balanced.slice(0, 50),
      `${codes.adaptive}XX`,
      codes.sales.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      encodeResultCode({ ...decodeResultCode(codes.sales), group: 'Liars', claimedScore: 99 }),
      botCode('balanced', 'Elsewhere', 2),
      '',
    ];
    const mixed = buildScoreboard(scenario, [bad[0]!, good[0]!, bad[1]!, bad[2]!, good[1]!, bad[3]!, bad[4]!, bad[5]!, good[2]!, bad[6]!]);
    const strip = (b: typeof clean) => b.entries.map((e) => [e.rank, e.group, e.score, e.stateHash]);
    expect(strip(mixed)).toEqual(strip(clean));
    expect(mixed.rejected.map((r) => [r.label, r.reason])).toEqual([
      ['code 1', 'garbage'],
      ['code 3', 'truncated'],
      ['code 4', 'trailing'],
      ['code 6', 'checksum'],
      ['code 7', 'score-mismatch'],
      ['code 8', 'heat'],
      ['code 10', 'empty'],
    ]);
  });

  it('takes the heat from a heat code when given, and from most codes otherwise', () => {
    const elsewhere = [botCode('balanced', 'E1', 2), botCode('adaptive', 'E2', 2)];
    const majority = buildScoreboard(scenario, [codes.balanced, ...elsewhere]);
    expect(majority.seed).toBe(2);
    expect(majority.rejected.map((r) => r.reason)).toEqual(['heat']);
    const fixed = buildScoreboard(scenario, [codes.balanced, ...elsewhere], { heat: makeHeatCode(scenario, 1) });
    expect(fixed.seedSource).toBe('heat');
    expect(fixed.entries.map((e) => e.group)).toEqual(['Balancers']);
    expect(fixed.rejected.map((r) => r.reason)).toEqual(['heat', 'heat']);
    const otherVersion = { ...scenario, scoring: { ...scenario.scoring, par: 1 } };
    expect(() => buildScoreboard(scenario, [], { heat: makeHeatCode(otherVersion, 1) })).toThrow(HeatCodeError);
    expect(() => buildScoreboard(scenario, [], { heat: 'nonsense' })).toThrow(HeatCodeError);
  });

  it('keeps the first verified code of each group', () => {
    const again = botCode('adaptive', 'BALANCERS');
    const board = buildScoreboard(scenario, [codes.balanced, again]);
    expect(board.entries).toHaveLength(1);
    expect(board.rejected[0]!.reason).toBe('duplicate');
  });
});

/** A small RFC 4180 reader, so the tests read the CSV the way a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('exports', () => {
  const awkward = ['Smith, Jones & "Co"', 'Line one\nline two', '=HYPERLINK("http://x","y")', '+1', '-SUM(A1)', '@cmd', 'Team\t"Tab", the'];
  // Seven names on six bots' games: the last is a copy, so a rejected row is escaped too.
  const awkwardCodes = awkward.map((name, i) => codeOf(botReplay(['balanced', 'adaptive', 'all-sales', 'all-marketing', 'random', 'short-run-greedy'][i % 6]!), name));

  it('writes the CSV columns: rank, group, score, every scorecard component, per-quarter revenue, profit and cash', () => {
    const board = buildScoreboard(scenario, [codes.balanced, codes.adaptive, 'garbage']);
    const rows = parseCsv(scoreboardCsv(board, scenario.quarters));
    const header = rows[0]!;
    expect(header).toEqual(csvColumns(scenario.quarters, false));
    expect(header.slice(0, 10)).toEqual(['rank', 'group', 'status', 'score', 'claimed_score', 'profit_points', 'revenue_points', 'customer_equity_points', 'portfolio_health_points', 'collaboration_points']);
    for (let q = 1; q <= scenario.quarters; q++) expect(header).toEqual(expect.arrayContaining([`q${q}_revenue`, `q${q}_profit`, `q${q}_cash`]));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const col = (row: string[], name: string) => row[header.indexOf(name)]!;
    const first = board.entries[0]!;
    expect(col(rows[1]!, 'rank')).toBe('1');
    expect(col(rows[1]!, 'group')).toBe(first.group);
    expect(Number(col(rows[1]!, 'score'))).toBe(first.score);
    expect(Number(col(rows[1]!, 'customer_equity_points'))).toBe(first.scorecard.customerEquity);
    expect(col(rows[1]!, 'q3_cash')).toBe((first.quarters[2]!.cash / 100).toFixed(2));
    expect(col(rows[1]!, 'q10_profit')).toBe((first.quarters[9]!.profit / 100).toFixed(2));
    expect(col(rows[3]!, 'status')).toBe('rejected');
    expect(col(rows[3]!, 'reason')).toMatch(/^checksum: |^garbage: /);
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas, while numbers stay numbers', () => {
    const board = buildScoreboard(scenario, awkwardCodes);
    const text = scoreboardCsv(board, scenario.quarters);
    const rows = parseCsv(text);
    const header = rows[0]!;
    const groups = rows.slice(1).map((r) => r[header.indexOf('group')]!);
    const expected = new Map([
      ['Smith, Jones & "Co"', 'Smith, Jones & "Co"'],
      ['Line one\nline two', 'Line one\nline two'],
      ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
      ['+1', "'+1"],
      ['-SUM(A1)', "'-SUM(A1)"],
      ['@cmd', "'@cmd"],
      ['Team\t"Tab", the', 'Team\t"Tab", the'],
    ]);
    const names = board.entries.map((e) => e.group).concat(board.rejected.map((r) => r.group ?? ''));
    expect(groups).toEqual(names.map((n) => expected.get(n)));
    // No cell a spreadsheet reads starts with a formula trigger.
    for (const row of rows.slice(1)) {
      for (const [i, cell] of row.entries()) {
        if (/^-?\d+(\.\d+)?$/.test(cell) || cell === '') continue;
        expect(cell, header[i]).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    // Names cannot start with spaces or tabs (codes refuse them), but the cell writer copes anyway.
    expect(csvText('\tTabbed')).toBe("'\tTabbed");
    expect(csvText(' =spaced')).toBe("' =spaced");
    expect(csvText('\r=x')).toBe(`"'\r=x"`);
    expect(csvText('-5')).toBe("'-5");
    // Negative money stays a plain negative number.
    const profits = rows.slice(1).flatMap((r) => header.map((h, i) => (h.endsWith('_profit') ? r[i]! : ''))).filter((x) => x.startsWith('-'));
    for (const p of profits) expect(p).toMatch(/^-\d+\.\d\d$/);
  });

  it('writes the full results as JSON', () => {
    const board = buildScoreboard(scenario, [codes.balanced, 'garbage']);
    const json = JSON.parse(JSON.stringify(scoreboardJson(board)));
    expect(json.format).toBe('marketing-and-sales/results@1');
    expect(json.scenario).toMatchObject({ id: 'two-hats', version: scenario.version });
    expect(json.heat).toEqual({ seed: 1, code: makeHeatCode(scenario, 1), source: 'majority' });
    expect(json.tieBreakRule).toBe(TIE_BREAK_RULE);
    expect(json.ranking[0]).toMatchObject({ rank: 1, group: 'Balancers', code: codes.balanced, replay: board.entries[0]!.replay });
    expect(json.ranking[0].quarters).toHaveLength(scenario.quarters);
    expect(json.rejected[0]).toMatchObject({ submittedAs: 'code 2', reason: expect.any(String), code: 'garbage' });
  });
});

describe('luck or skill', () => {
  it('replays each group on the 100 seeds after the heat, with the transplant rule stated', () => {
    const seeds = otherSeeds(1);
    expect(seeds).toHaveLength(100);
    expect(new Set(seeds).size).toBe(100);
    expect(seeds).not.toContain(1);
    expect(otherSeeds(2 ** 31 - 1, 2)).toEqual([0, 1]);
    const board = buildScoreboard(scenario, [codes.balanced, codes.adaptive, codes.sales, codes.marketing]);
    const luck = boardLuckOrSkill(scenario, board)!;
    expect(luck.rule).toBe(TRANSPLANT_RULE);
    expect(luck.rows).toHaveLength(4);
    for (const row of luck.rows) {
      expect(row.rankHeld).toBeGreaterThanOrEqual(0);
      expect(row.rankHeld).toBeLessThanOrEqual(row.rankAtLeast);
      expect(row.rankAtLeast).toBeLessThanOrEqual(1);
      expect(row.min).toBeLessThanOrEqual(row.mean);
      expect(row.mean).toBeLessThanOrEqual(row.max);
      expect(row.sd).toBeGreaterThan(0);
    }
    // Deterministic: the same board gives the same report.
    expect(boardLuckOrSkill(scenario, board)).toEqual(luck);
    // The CSV gains the luck columns.
    const rows = parseCsv(scoreboardCsv(board, scenario.quarters, luck));
    expect(rows[0]).toEqual(csvColumns(scenario.quarters, true));
    expect(rows[1]![rows[0]!.indexOf('rank_held_share')]).toBe(String(luck.rows.find((r) => r.heatRank === 1)!.rankHeld));
  });

  it('plays a group exactly as recorded on its own seed, and drops only moves that no longer fit elsewhere', () => {
    for (const bot of ['balanced', 'adaptive', 'random', 'all-sales']) {
      const replay = botReplay(bot, 1);
      const own = transplant(scenario, 1, replay.decisions);
      expect(own.droppedMoves).toBe(0);
      expect(own.score).toBe(runReplay(scenario, replay).score);
      for (const seed of [2, 3, 4]) {
        const moved = transplant(scenario, seed, replay.decisions);
        expect(moved.state.finished).toBe(true);
        const planned = replay.decisions.reduce((n, s) => n + s.moves.length, 0);
        const played = moved.state.history.reduce((n, r) => n + (r.effortMarketing + r.effortSales + r.effortJoint > 0 ? 1 : 0), 0);
        expect(played).toBeGreaterThan(0);
        expect(moved.droppedMoves).toBeLessThanOrEqual(planned);
      }
    }
  });
});
