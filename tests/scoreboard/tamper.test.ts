// The tamper suite: systematic mutations of valid result codes. Every one must be rejected with
// the reason that fits the mutation, and verification must never throw or report a verifier bug.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplay, ReplayError } from '../../src/replay/replay';
import {
  RESULT_CODE_PREFIX,
  buildScoreboard,
  decodeResultCode,
  encodeResultCode,
  frameResultCode,
  makeResultCode,
  payloadReplay,
  targetIndex,
  verifyResultCode,
  type CodedStep,
  type RejectReason,
  type ResultCodePayload,
  type Verification,
} from '../../src/scoreboard/index';
import { ByteWriter, CROCKFORD, hexToBytes } from '../../src/scoreboard/codec';
import { FORMAT1_MOVE_KINDS } from '../../src/scoreboard/result-code';
import { MOVE_INFO } from '../../src/sim/index';
import { botCode, botReplay, codeOf, randomGame, scenario } from './support';

const balanced = botCode('balanced', 'Team Balanced');
const adaptive = botCode('adaptive', 'Team Adaptive');
const priced = codeOf(
  randomGame(
    7,
    Array.from({ length: scenario.quarters }, (_, q) => [
      { kind: 3, target: q, points: 2, price: 0.3 },
      { kind: 0, target: q + 1, points: 9, price: 0 },
      { kind: 7, target: q, points: 4, price: 0 },
    ]),
    'discontinue',
  ),
  'Pricing people',
);
const samples = [balanced, adaptive, priced];

function verify(code: string, seed?: number): Verification {
  let result: Verification | undefined;
  // Verification must not throw, whatever it is given.
  expect(() => (result = verifyResultCode(code, scenario, seed === undefined ? {} : { seed }))).not.toThrow();
  expect(result!.ok ? 'ok' : result!.reason, code).not.toBe('internal');
  return result!;
}

function reasonOf(code: string, seed?: number): RejectReason | 'ok' {
  const r = verify(code, seed);
  return r.ok ? 'ok' : r.reason;
}

describe('the tamper suite', () => {
  it('accepts the untouched sample codes', () => {
    for (const code of samples) expect(reasonOf(code)).toBe('ok');
  });

  it('rejects every single-character substitution: a broken prefix as garbage or version, anything else by the checksum', () => {
    let count = 0;
    for (const code of samples) {
      for (let i = 0; i < code.length; i++) {
        for (const c of CROCKFORD) {
          if (c === code[i]) continue;
          const typo = code.slice(0, i) + c + code.slice(i + 1);
          const reason = reasonOf(typo);
          count++;
          if (i < RESULT_CODE_PREFIX.length) expect(['garbage', 'version'], `${i}:${c}`).toContain(reason);
          else expect(reason, `${i}:${c}`).toBe('checksum');
        }
      }
    }
    expect(count).toBeGreaterThan(20_000);
  });

  it('rejects a code truncated at every length as truncated', () => {
    for (const code of samples) {
      expect(reasonOf('')).toBe('empty');
      for (let n = 1; n < code.length; n++) expect(reasonOf(code.slice(0, n)), String(n)).toBe('truncated');
    }
  });

  it('rejects appended junk', () => {
    for (const code of samples) {
      // Spaces and hyphens are forgiven, so appended words made of code symbols are extra symbols.
      for (const junk of ['0', 'Z', 'AB', '7QX9', 'MSR2-', ' extra words', code]) expect(reasonOf(code + junk), junk).toBe('trailing');
      for (const junk of ['!', 'extra, words', '=', 'é', 'U', '#1']) expect(reasonOf(code + junk), junk).toBe('garbage');
    }
  });

  it('rejects two codes spliced together', () => {
    const [a, b] = [balanced, adaptive];
    for (const cut of [10, 40, 100, 200]) {
      expect(['checksum', 'truncated', 'trailing']).toContain(reasonOf(a.slice(0, cut) + b.slice(cut)));
      expect(['checksum', 'truncated', 'trailing']).toContain(reasonOf(b.slice(0, cut) + a.slice(cut)));
    }
  });

  it("rejects one group's decisions carrying another group's name and claim, and a copy under another name on a board", () => {
    const a = decodeResultCode(balanced);
    const b = decodeResultCode(adaptive);
    expect(reasonOf(encodeResultCode({ ...a, group: b.group, claimedScore: b.claimedScore, claimedOutcome: b.claimedOutcome }))).toBe('score-mismatch');
    expect(reasonOf(encodeResultCode({ ...b, steps: a.steps }))).toBe('score-mismatch');
    const copy = encodeResultCode({ ...a, group: 'Copycats' });
    const board = buildScoreboard(scenario, [balanced, adaptive, copy]);
    expect(board.entries.map((e) => e.group)).toEqual(['Team Adaptive', 'Team Balanced']);
    expect(board.rejected.map((r) => [r.reason, r.group])).toEqual([['duplicate', 'Copycats']]);
  });

  it('rejects every systematic edit of the decisions, re-encoded with a valid checksum, for the reason the edit earns', () => {
    let edits = 0;
    let identical = 0;
    for (const code of samples) {
      const original = decodeResultCode(code);
      const originalHash = runReplay(scenario, payloadReplay(scenario, original)).stateHash;
      for (const steps of decisionEdits(original.steps)) {
        const edited: ResultCodePayload = { ...original, steps };
        const replay = payloadReplay(scenario, edited);
        let expected: RejectReason;
        try {
          const result = runReplay(scenario, replay);
          if (result.stateHash === originalHash) {
            identical++; // the edit made no difference to the game (e.g. moves of a kind the model ignores in that state)
            continue;
          }
          expected = Math.round(result.score * 100) !== Math.round(original.claimedScore * 100) ? 'score-mismatch' : 'altered';
        } catch (error) {
          expect(error).toBeInstanceOf(ReplayError);
          expected = 'invalid-decisions';
        }
        edits++;
        expect(reasonOf(encodeResultCode(edited))).toBe(expected);
      }
    }
    expect(edits).toBeGreaterThan(300);
    expect(identical).toBeLessThan(edits / 20);
  });

  it('rejects an altered claimed score, and an altered claimed outcome', () => {
    for (const code of samples) {
      const p = decodeResultCode(code);
      for (const delta of [0.01, -0.01, 1, -1, 100]) {
        const altered = verify(encodeResultCode({ ...p, claimedScore: Math.round((p.claimedScore + delta) * 100) / 100 }));
        expect(altered.ok ? 'ok' : altered.reason).toBe('score-mismatch');
        if (!altered.ok) expect(altered.message).toContain(p.claimedScore.toFixed(2));
      }
      const flipped = (parseInt(p.claimedOutcome[0]!, 16) ^ 1).toString(16) + p.claimedOutcome.slice(1);
      expect(reasonOf(encodeResultCode({ ...p, claimedOutcome: flipped }))).toBe('altered');
    }
  });

  it('rejects a code from another heat (seed), whether played there or relabelled', () => {
    const otherHeat = botCode('balanced', 'Team Elsewhere', 2);
    expect(reasonOf(otherHeat)).toBe('ok');
    expect(reasonOf(otherHeat, 1)).toBe('heat');
    const relabelled = encodeResultCode({ ...decodeResultCode(balanced), seed: 2 });
    expect(reasonOf(relabelled, 1)).toBe('heat');
    // Without a heat to compare with, the relabelled decisions still fail on the seed they claim.
    expect(['invalid-decisions', 'score-mismatch', 'altered']).toContain(reasonOf(relabelled));
  });

  it('rejects a code for another scenario or another version of this one', () => {
    const otherVersion = { ...scenario, scoring: { ...scenario.scoring, par: scenario.scoring.par + 1 } };
    const r = verifyResultCode(balanced, otherVersion);
    expect(r.ok ? 'ok' : r.reason).toBe('scenario-version');
    const otherScenario = { ...scenario, id: 'solo-founder' };
    const s = verifyResultCode(balanced, otherScenario);
    expect(s.ok ? 'ok' : s.reason).toBe('scenario');
    if (!s.ok) expect(s.message).toContain('two-hats');
    const relabelled = encodeResultCode({ ...decodeResultCode(balanced), scenarioHash: '0123456789abcdef' });
    expect(reasonOf(relabelled)).toBe('scenario-version');
  });

  it('rejects an unknown version and other prefixes clearly', () => {
    const body = balanced.slice(RESULT_CODE_PREFIX.length);
    expect(reasonOf(`MSR3-${body}`)).toBe('version');
    expect(verify(`MSR3-${body}`)).toMatchObject({ message: expect.stringContaining('format 3') });
    // A format-1 code, as other versions of the game write, is refused by its format number, not as garbage.
    expect(reasonOf(`MSR1-${body}`)).toBe('version');
    expect(verify(`MSR1-${body}`)).toMatchObject({ message: expect.stringContaining('format 1') });
    expect(reasonOf(`XYZ1-${body}`)).toBe('garbage');
    expect(reasonOf('hello world')).toBe('garbage');
    expect(reasonOf('MS')).toBe('truncated');
  });

  it('rejects bytes that pass the checksum but do not make a result code as malformed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const reason = reasonOf(frameResultCode(bytes));
        expect(['malformed', 'scenario', 'scenario-version']).toContain(reason);
      }),
      { numRuns: 500 },
    );
    // Hand-made bodies: a valid head, then steps that break one rule each.
    const p = decodeResultCode(balanced);
    const craft = (steps: number[], group = p.group) => {
      const w = new ByteWriter();
      w.text(p.scenarioId);
      w.bytes(hexToBytes(p.scenarioHash));
      w.varint(p.seed);
      w.text(group);
      w.zigzag(Math.round(p.claimedScore * 100));
      w.bytes(hexToBytes(p.claimedOutcome));
      for (const b of steps) w.varint(b);
      return frameResultCode(w.toBytes());
    };
    expect(reasonOf(craft([0]))).toBe('invalid-decisions'); // no steps: a game that never ends
    expect(reasonOf(craft([1, 2]))).toBe('malformed'); // first step repeats a step that is not there
    expect(reasonOf(craft([1, 1 * 4, 13 + 16]))).toBe('malformed'); // move kind 13 has no number
    expect(reasonOf(craft([1, 1 * 4, 1, 3]))).toBe('malformed'); // 3 points written the long way
    expect(reasonOf(craft([1, 1 * 4 + 1, 9, 1 + 16]))).toBe('malformed'); // unknown dispute option
    expect(reasonOf(craft([1, 0], ' padded '))).toBe('malformed'); // group name with outer spaces
    expect(reasonOf(craft([1, 0, 0]))).toBe('malformed'); // bytes after the last step
    expect(reasonOf(craft([101]))).toBe('malformed'); // too many steps
  });

  it('never throws on arbitrary text and never accepts it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => RESULT_CODE_PREFIX + s), fc.stringMatching(/^MSR2-[0-9A-Z]{0,200}$/)), (text) => {
        expect(reasonOf(text)).not.toBe('ok');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to encode a move whose fields its kind does not take', () => {
    const p = decodeResultCode(balanced);
    const bad = { ...p, steps: [{ moves: [{ kind: 'brand' as const, target: 0, points: 1 }] }] };
    expect(() => encodeResultCode(bad)).toThrowError(/takes no target/);
    expect(() => makeResultCode(scenario, { ...botReplay('balanced'), decisions: [{ moves: [{ kind: 'campaign', target: 'nope', points: 1 }] }] }, 'x', { score: 0, stateHash: '0'.repeat(16) })).toThrowError(
      /not a line or account/,
    );
  });
});

/** Systematic edits of a game's steps: every move's points, target and kind, moves removed and added, the dispute, the number of steps. */
function decisionEdits(steps: readonly CodedStep[]): CodedStep[][] {
  const edits: CodedStep[][] = [];
  const clone = () => steps.map((s) => ({ ...s, moves: s.moves.map((m) => ({ ...m })) }));
  const targets = scenario.products.length + scenario.accounts.length;
  steps.forEach((step, s) => {
    step.moves.forEach((move, m) => {
      const up = clone();
      up[s]!.moves[m]!.points += 1;
      edits.push(up);
      if (move.points > 1) {
        const down = clone();
        down[s]!.moves[m]!.points -= 1;
        edits.push(down);
      }
      if (move.target !== undefined) {
        const retarget = clone();
        retarget[s]!.moves[m]!.target = (move.target + 1) % targets;
        edits.push(retarget);
      }
      const rekind = clone();
      const kinds = FORMAT1_MOVE_KINDS.filter((k) => k !== 'price' && (MOVE_INFO[k].target === 'none') === (move.target === undefined) && k !== move.kind);
      const kind = kinds[(s + m) % kinds.length]!;
      rekind[s]!.moves[m] = { ...move, kind };
      delete rekind[s]!.moves[m]!.price;
      if (MOVE_INFO[kind].target === 'product' && (move.target ?? 0) >= scenario.products.length) rekind[s]!.moves[m]!.target = targetIndex(scenario, scenario.products[0]!.id);
      edits.push(rekind);
      const removed = clone();
      removed[s]!.moves.splice(m, 1);
      edits.push(removed);
      const doubled = clone();
      doubled[s]!.moves.push({ ...move });
      edits.push(doubled);
    });
    const added = clone();
    added[s]!.moves.push({ kind: 'alignment', points: 1 });
    edits.push(added);
    const dispute = clone();
    if (step.dispute === undefined) dispute[s]!.dispute = ['keep'];
    else if (s % 2 === 0) delete dispute[s]!.dispute;
    else dispute[s]!.dispute = step.dispute.map((o) => (o === 'keep' ? 'discontinue' : o === 'discontinue' ? 'keep' : o));
    edits.push(dispute);
    // A meeting slipped in before the decision, or a decision made twice.
    const extra = clone();
    if (step.dispute !== undefined) extra[s]!.dispute = step.dispute.includes('joint-meeting') ? [...step.dispute, 'keep'] : ['joint-meeting', ...step.dispute];
    edits.push(dispute);
  });
  edits.push(clone().slice(0, -1));
  edits.push([...clone(), { moves: [] }]);
  edits.push([clone()[1]!, clone()[0]!, ...clone().slice(2)]);
  return edits;
}
