// Heat codes and result codes round-trip exactly: every game the bots or random legal play can
// produce comes back as the same replay, group name and claim, and encodes to the same text.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeReplay, parseReplay, runReplay, scenarioHash } from '../../src/replay/replay';
import {
  FORMAT2_DISPUTE_OPTIONS,
  FORMAT1_MOVE_KINDS,
  FORMAT1_MOVES,
  HEAT_CODE_LENGTH,
  HeatCodeError,
  MAX_SEED,
  RESULT_CODE_PREFIX,
  decodeHeatCode,
  decodeResultCode,
  encodeResultCode,
  groupNameProblem,
  makeHeatCode,
  makeResultCode,
  payloadReplay,
  resolveHeatCode,
  scenarioTag,
  verifyResultCode,
} from '../../src/scoreboard/index';
import { CROCKFORD } from '../../src/scoreboard/codec';
import { BOTS, DISPUTE_OPTIONS, MOVE_INFO, MOVE_KINDS, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { botName, botReplay, codeOf, gameArb, outcomeOf, randomGame, scenario } from './support';

const otherVersion = { ...scenario, scoring: { ...scenario.scoring, par: scenario.scoring.par + 1 } };

describe('heat codes', () => {
  it('are ten symbols shown as XXXXX-XXXXX and round-trip every seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), (seed) => {
        const code = makeHeatCode(scenario, seed);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(decodeHeatCode(code)).toEqual({ scenarioTag: scenarioTag(scenario), seed });
        expect(resolveHeatCode(code.toLowerCase().replace('-', ' '), [otherVersion, scenario])).toEqual({ scenario, seed });
      }),
    );
  });

  it('catch every single mistyped symbol and name the problem', () => {
    const code = makeHeatCode(scenario, 123456).replace('-', '');
    for (let i = 0; i < code.length; i++) {
      for (const c of CROCKFORD) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(() => decodeHeatCode(typo), typo).toThrowError(expect.objectContaining({ problem: 'checksum' }));
      }
    }
    const problem = (text: string) => {
      try {
        decodeHeatCode(text);
        return 'ok';
      } catch (error) {
        expect(error).toBeInstanceOf(HeatCodeError);
        return (error as HeatCodeError).problem;
      }
    };
    expect(problem('')).toBe('empty');
    expect(problem(code.slice(0, HEAT_CODE_LENGTH - 1))).toBe('too-short');
    expect(problem(`${code}7`)).toBe('too-long');
    expect(problem(`${code.slice(0, 4)}!${code.slice(5)}`)).toBe('garbage');
    expect(problem(`${code.slice(0, 4)}U${code.slice(5)}`)).toBe('garbage');
  });

  it('tell another version of the scenario apart', () => {
    expect(scenarioTag(otherVersion)).not.toBe(scenarioTag(scenario));
    expect(() => resolveHeatCode(makeHeatCode(otherVersion, 5), [scenario])).toThrowError(expect.objectContaining({ problem: 'unknown-scenario' }));
  });
});

describe('result codes', () => {
  it('number every move kind and dispute option of the model', () => {
    for (const kind of MOVE_KINDS) expect(FORMAT1_MOVE_KINDS).toContain(kind);
    for (const option of DISPUTE_OPTIONS) expect(FORMAT2_DISPUTE_OPTIONS).toContain(option);
  });

  // The numbers are what every code already handed out means: pinned here, value by value, so
  // that reordering the model's tables (moves.ts, dispute-options.ts) cannot change them.
  it('keep the frozen numbering of move kinds and dispute options, whatever order the model lists them in', () => {
    expect(FORMAT1_MOVES).toStrictEqual([
      { kind: 'campaign', target: true, price: false },
      { kind: 'research', target: false, price: false },
      { kind: 'improve', target: true, price: false },
      { kind: 'price', target: true, price: true },
      { kind: 'brand', target: false, price: false },
      { kind: 'portfolio-review', target: false, price: false },
      { kind: 'prospecting', target: false, price: false },
      { kind: 'service', target: true, price: false },
      { kind: 'relationship', target: true, price: false },
      { kind: 'referrals', target: true, price: false },
      { kind: 'closing', target: false, price: false },
      { kind: 'discounting', target: false, price: false },
      { kind: 'alignment', target: false, price: false },
    ]);
    expect(FORMAT1_MOVE_KINDS).toStrictEqual(FORMAT1_MOVES.map((m) => m.kind));
    expect(FORMAT2_DISPUTE_OPTIONS).toStrictEqual(['discontinue', 'keep', 'reprice', 'phase-out', 'investigate', 'joint-meeting']);
    // The format's shape of each kind (takes a target, takes a price) is the model's.
    for (const m of FORMAT1_MOVES) expect([m.target, m.price], m.kind).toStrictEqual([MOVE_INFO[m.kind].target !== 'none', MOVE_INFO[m.kind].price]);
  });

  it('round-trip every bot game exactly, on many seeds', () => {
    fc.assert(
      fc.property(fc.nat(BOTS.length - 1), fc.integer({ min: 0, max: MAX_SEED }), fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), (b, seed, raw) => {
        const group = raw.trim() || 'g';
        fc.pre(groupNameProblem(group) === null);
        const replay = botReplay(botName(b), seed);
        const code = codeOf(replay, group);
        expect(code.startsWith(RESULT_CODE_PREFIX)).toBe(true);
        const payload = decodeResultCode(code);
        const outcome = outcomeOf(replay);
        expect(payload.group).toBe(group);
        expect(payload.seed).toBe(seed);
        expect(payload.scenarioId).toBe(scenario.id);
        expect(payload.scenarioHash).toBe(scenarioHash(scenario));
        expect(payload.claimedScore).toBe(outcome.score);
        expect(payload.claimedOutcome).toBe(outcome.stateHash.slice(0, 8));
        expect(parseReplay(payloadReplay(scenario, payload))).toEqual(replay);
        expect(encodeResultCode(payload)).toBe(code);
      }),
      { numRuns: 60 },
    );
  });

  it('round-trip random legal games (every move kind, prices, large points, every dispute option)', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, quarters, dispute }) => {
        const replay = randomGame(seed, quarters, dispute);
        const code = codeOf(replay, 'Random group');
        const payload = decodeResultCode(code);
        expect(payloadReplay(scenario, payload)).toEqual(replay);
        expect(encodeResultCode(payload)).toBe(code);
        const verified = verifyResultCode(code, scenario);
        expect(verified.ok).toBe(true);
        if (verified.ok) expect(verified.score).toBe(outcomeOf(replay).score);
      }),
      { numRuns: 80 },
    );
  });

  it('work for every shipped scenario: each bot game verifies, and a heat code finds its scenario', () => {
    const ids = readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url)))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
    const shipped = ids.map(loadShipped);
    for (const s of shipped) {
      for (const bot of BOTS) {
        const replay = makeReplay(s, 3, playBot(s, 3, bot).steps);
        const code = makeResultCode(s, replay, `${s.id} ${bot.name}`);
        const verified = verifyResultCode(code, s, { seed: 3 });
        expect(verified.ok ? verified.score : verified.message).toBe(runReplay(s, replay).score);
        for (const other of shipped) if (other !== s) expect(verifyResultCode(code, other)).toMatchObject({ ok: false, reason: 'scenario' });
      }
      expect(resolveHeatCode(makeHeatCode(s, 3), shipped)).toEqual({ scenario: s, seed: 3 });
    }
  });

  it('forgive case, whitespace and line breaks, and the look-alikes O, I and L', () => {
    const code = codeOf(botReplay('balanced'), 'Team A');
    const wrapped = code.toLowerCase().replace(/(.{60})/g, '$1\n  ');
    expect(decodeResultCode(wrapped)).toEqual(decodeResultCode(code));
    const body = code.slice(RESULT_CODE_PREFIX.length);
    const lookAlike = RESULT_CODE_PREFIX + body.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(decodeResultCode(lookAlike)).toEqual(decodeResultCode(code));
  });

  it('are short enough for a chat message', () => {
    const lengths = BOTS.map((b) => codeOf(botReplay(b.name), 'Marketing Mavericks').length);
    // Every shipped bot's game of two-hats fits in well under a thousand characters.
    for (const n of lengths) expect(n).toBeLessThan(700);
  });

  it('refuse group names that cannot round-trip or would not fit a projector', () => {
    expect(groupNameProblem('')).not.toBeNull();
    expect(groupNameProblem('  ')).not.toBeNull();
    expect(groupNameProblem(' A')).not.toBeNull();
    expect(groupNameProblem('x'.repeat(61))).not.toBeNull();
    expect(groupNameProblem('bad \uD800 text')).not.toBeNull();
    expect(groupNameProblem('Équipe «Rouge», "A"\nsecond line')).toBeNull();
    expect(groupNameProblem('👩‍👩‍👧 Team')).toBeNull();
  });
});
