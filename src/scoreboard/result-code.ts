// Result codes: a whole game (its replay), the group's name and the claimed outcome in one line
// short enough for a chat message. Format 1:
//
//   MSR1-<Crockford base32 of: length (2 bytes) · header check (CRC-8) · body · CRC-32>
//
// The body is scenario id, scenario content hash (8 bytes), seed, group name, claimed score in
// hundredths, claimed outcome hash (the first 4 bytes of the final state hash), then the steps.
// Each step is a varint (dispute flag, "same moves as last quarter" flag, move count), the dispute
// option if any, then per move one byte for kind + points (kind + 16 × points when points are 1–7,
// else kind alone and the points follow), the target if the kind takes one — an index into the
// scenario's lines, then its accounts, then won accounts (`new-N`) — and the price if it takes one.
// Whether a kind takes a target or a price is fixed by the format (FORMAT1_MOVES), so a typical
// move costs one or two bytes and a code cannot even express a target on a move that takes none.
// The length header lets a truncated code say "truncated" rather than "bad checksum"; the CRC-32
// (over the prefix too) catches every single mistyped symbol.
//
// Decoding needs no scenario; turning the decoded steps into a replay does (target indices).
import { ID_PATTERN } from '../scenario/ids';
import { scenarioHash, type Replay, REPLAY_FORMAT, runReplay } from '../replay/replay';
import { DISPUTE_OPTIONS, MOVE_KINDS, type DisputeOption, type MoveKind, type Scenario } from '../sim/index';
import {
  ByteReader,
  ByteWriter,
  MalformedError,
  bytesToBase32,
  bytesToHex,
  crc32,
  crc8,
  hexToBytes,
  symbolValue,
  symbolsFor,
  valuesToBytes,
} from './codec';

// Version 2: a step carries the list of dispute choices before it (version 1 carried one of two options).
export const RESULT_CODE_VERSION = 2;
export const RESULT_CODE_PREFIX = `MSR${RESULT_CODE_VERSION}-`;

/**
 * The move kinds and dispute options as format 1 numbers them. Frozen, append-only, and kept
 * here rather than read from the model's tables (whose order may change): reordering would change
 * what every code already handed out means. tests/scoreboard/codes.test.ts pins every value and
 * checks the model's lists are covered.
 */
export const FORMAT1_MOVES: readonly { kind: MoveKind; target: boolean; price: boolean }[] = [
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
];
export const FORMAT1_MOVE_KINDS: readonly MoveKind[] = FORMAT1_MOVES.map((m) => m.kind);
/** Kinds are numbered below 16 so that kind + 16 × points (1–7) fits one byte. */
const KIND_RADIX = 16;
const INLINE_POINTS = 7;
if (FORMAT1_MOVES.length > KIND_RADIX) throw new Error('result code format 1 numbers at most 16 move kinds');
/** Dispute options as format 2 numbers them; frozen and append-only like the move kinds. */
export const FORMAT2_DISPUTE_OPTIONS: readonly DisputeOption[] = ['discontinue', 'keep', 'reprice', 'phase-out', 'investigate', 'joint-meeting'];
/** A step makes at most this many dispute choices (a meeting, then a decision or an investigation). */
const MAX_DISPUTE_CHOICES = 3;

/** Group names: 1 to 60 characters once trimmed (the screen shows them large on a projector). */
export const MAX_GROUP_CHARS = 60;
const MAX_GROUP_BYTES = 4 * MAX_GROUP_CHARS;
/** Refuse absurd inputs before decoding them (a full 20-quarter game is far below this). */
export const MAX_CODE_CHARS = 8000;
const MAX_STEPS = 100;
const MAX_MOVES = 200;

export type ResultCodeProblem = 'empty' | 'garbage' | 'version' | 'truncated' | 'trailing' | 'checksum' | 'malformed';

export class ResultCodeError extends Error {
  constructor(
    readonly problem: ResultCodeProblem,
    message: string,
  ) {
    super(message);
  }
}

/** One move as a code carries it: the target is an index (see `targetIds`). */
export interface CodedMove {
  kind: MoveKind;
  target?: number;
  points: number;
  price?: number;
}

export interface CodedStep {
  dispute?: DisputeOption[];
  moves: CodedMove[];
}

/** Everything a result code holds. */
export interface ResultCodePayload {
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  group: string;
  /** The score the game claimed at the end, to two decimals. */
  claimedScore: number;
  /** The first 8 hex digits of the final state hash the game claimed. */
  claimedOutcome: string;
  steps: CodedStep[];
}

/** Whether text holds half of a surrogate pair (a loop, not a lookbehind regex, for older Safari). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Why a group name cannot go in a code, or null if it can. */
export function groupNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'a group name cannot be empty';
  if (name !== trimmed) return 'a group name cannot start or end with spaces';
  // Lone surrogates would not survive UTF-8, so the code would not round-trip.
  if (hasLoneSurrogate(name)) return 'a group name must be valid text';
  if ([...name].length > MAX_GROUP_CHARS) return `a group name may be at most ${MAX_GROUP_CHARS} characters`;
  return null;
}

// ---------------------------------------------------------------------------------------
// Targets as numbers

/** How a scenario's target ids are numbered: its lines, then its accounts; beyond, won accounts. */
function targetBase(scenario: Scenario): string[] {
  return [...scenario.products.map((p) => p.id), ...scenario.accounts.map((a) => a.id)];
}

export function targetIndex(scenario: Scenario, id: string): number {
  const base = targetBase(scenario);
  const i = base.indexOf(id);
  if (i >= 0) return i;
  const won = /^new-([1-9]\d{0,5})$/.exec(id);
  if (won) return base.length + Number(won[1]) - 1;
  throw new ResultCodeError('malformed', `"${id}" is not a line or account of scenario "${scenario.id}", so it cannot go in a result code`);
}

export function targetId(scenario: Scenario, index: number): string {
  const base = targetBase(scenario);
  return index < base.length ? base[index]! : `new-${index - base.length + 1}`;
}

// ---------------------------------------------------------------------------------------
// Encoding

function sameMoves(a: readonly CodedMove[], b: readonly CodedMove[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind || x.target !== y.target || x.points !== y.points || x.price !== y.price) return false;
  }
  return true;
}

/** Encodes a payload as it stands (tests use it to craft altered codes with valid checksums). */
export function encodeResultCode(payload: ResultCodePayload): string {
  const problem = groupNameProblem(payload.group);
  if (problem) throw new ResultCodeError('malformed', problem);
  if (!ID_PATTERN.test(payload.scenarioId)) throw new ResultCodeError('malformed', `"${payload.scenarioId}" is not a scenario id`);
  if (!/^[0-9a-f]{16}$/.test(payload.scenarioHash)) throw new ResultCodeError('malformed', 'the scenario hash must be 16 hex digits');
  if (!/^[0-9a-f]{8}$/.test(payload.claimedOutcome)) throw new ResultCodeError('malformed', 'the claimed outcome must be 8 hex digits');
  if (!Number.isInteger(payload.seed) || payload.seed < 0 || payload.seed > 2 ** 31 - 1) throw new ResultCodeError('malformed', `the seed must be a whole number from 0 to ${2 ** 31 - 1}`);
  if (!Number.isFinite(payload.claimedScore) || Math.abs(payload.claimedScore) > 1e9) throw new ResultCodeError('malformed', 'the claimed score must be a finite number');
  if (payload.steps.length > MAX_STEPS) throw new ResultCodeError('malformed', `a game has at most ${MAX_STEPS} steps`);
  const body = new ByteWriter();
  body.text(payload.scenarioId);
  body.bytes(hexToBytes(payload.scenarioHash));
  body.varint(payload.seed);
  body.text(payload.group);
  body.zigzag(Math.round(payload.claimedScore * 100));
  body.bytes(hexToBytes(payload.claimedOutcome));
  body.varint(payload.steps.length);
  let previous: readonly CodedMove[] | null = null;
  for (const step of payload.steps) {
    if (step.moves.length > MAX_MOVES) throw new ResultCodeError('malformed', `a step has at most ${MAX_MOVES} moves`);
    // Fixed strategies repeat a quarter's plan; one flag then stands for the whole list.
    const repeat = previous !== null && step.moves.length > 0 && sameMoves(step.moves, previous);
    const hasDispute = step.dispute !== undefined;
    body.varint((repeat ? 0 : step.moves.length) * 4 + (repeat ? 2 : 0) + (hasDispute ? 1 : 0));
    if (hasDispute) {
      const choices = step.dispute!;
      if (choices.length < 1 || choices.length > MAX_DISPUTE_CHOICES) throw new ResultCodeError('malformed', `a step makes 1 to ${MAX_DISPUTE_CHOICES} dispute choices`);
      body.varint(choices.length);
      for (const choice of choices) {
        const option = FORMAT2_DISPUTE_OPTIONS.indexOf(choice);
        if (option < 0) throw new ResultCodeError('malformed', `dispute option "${choice}" has no number in result code format 2`);
        body.varint(option);
      }
    }
    if (!repeat) {
      for (const move of step.moves) {
        const kind = FORMAT1_MOVE_KINDS.indexOf(move.kind);
        if (kind < 0) throw new ResultCodeError('malformed', `move "${move.kind}" has no number in result code format 1`);
        const shape = FORMAT1_MOVES[kind]!;
        if ((move.target !== undefined) !== shape.target) throw new ResultCodeError('malformed', `a "${move.kind}" move ${shape.target ? 'needs' : 'takes no'} target`);
        if ((move.price !== undefined) !== shape.price) throw new ResultCodeError('malformed', `a "${move.kind}" move ${shape.price ? 'needs' : 'takes no'} price`);
        if (!Number.isInteger(move.points) || move.points < 1 || move.points > 1000) throw new ResultCodeError('malformed', `a move's points must be 1 to 1000, not ${move.points}`);
        const inline = move.points <= INLINE_POINTS;
        body.varint(kind + KIND_RADIX * (inline ? move.points : 0));
        if (!inline) body.varint(move.points);
        if (move.target !== undefined) body.varint(move.target);
        if (move.price !== undefined) body.varint(move.price);
      }
    }
    previous = step.moves;
  }
  return frameResultCode(body.toBytes());
}

/** Wraps body bytes in the prefix, length header and checksums (tests craft bodies with it). */
export function frameResultCode(bodyBytes: Uint8Array): string {
  if (bodyBytes.length > 0xffff) throw new ResultCodeError('malformed', 'the game is too long for a result code');
  const header = Uint8Array.of(bodyBytes.length >>> 8, bodyBytes.length & 0xff, 0);
  header[2] = crc8(header.subarray(0, 2));
  const all = new Uint8Array(header.length + bodyBytes.length + 4);
  all.set(header, 0);
  all.set(bodyBytes, header.length);
  const check = crc32(all.subarray(0, header.length + bodyBytes.length), prefixCrc);
  all.set([check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff], header.length + bodyBytes.length);
  return RESULT_CODE_PREFIX + bytesToBase32(all);
}

// The CRC covers the prefix too, so the same bytes under another version label do not check out.
const prefixCrc = crc32(new TextEncoder().encode(RESULT_CODE_PREFIX));

/**
 * The result code of a replay played by a group. The claimed outcome is computed unless given
 * (then a replay that does not play throws runReplay's ReplayError); a target the scenario does
 * not know, or a bad group name, throws a ResultCodeError.
 */
export function makeResultCode(scenario: Scenario, replay: Replay, group: string, claimed?: { score: number; stateHash: string }): string {
  const outcome = claimed ?? runReplay(scenario, replay);
  return encodeResultCode({
    scenarioId: replay.scenarioId,
    scenarioHash: replay.scenarioHash,
    seed: replay.seed,
    group,
    claimedScore: outcome.score,
    claimedOutcome: outcome.stateHash.slice(0, 8),
    steps: replay.decisions.map((step) => {
      const moves = step.moves.map((m) => {
        const move: CodedMove = { kind: m.kind, points: m.points };
        if (m.target !== undefined) move.target = targetIndex(scenario, m.target);
        if (m.price !== undefined) move.price = m.price;
        return move;
      });
      return step.dispute === undefined ? { moves } : { dispute: [...step.dispute], moves };
    }),
  });
}

// ---------------------------------------------------------------------------------------
// Decoding

const PREFIX_HEAD = 'MSR';

/** Reads a result code, or throws a ResultCodeError that says exactly what is wrong with it. */
export function decodeResultCode(code: string): ResultCodePayload {
  if (code.length > MAX_CODE_CHARS) throw new ResultCodeError('garbage', `the text is ${code.length} characters long; no result code is longer than ${MAX_CODE_CHARS}`);
  // Whitespace anywhere is forgiven: a code wrapped by a mail program or chat window is still the code.
  const text = code.replace(/\s+/g, '').toUpperCase();
  if (text.length === 0) throw new ResultCodeError('empty', 'the result code is empty');
  if (!text.startsWith(PREFIX_HEAD)) {
    if (PREFIX_HEAD.startsWith(text)) throw new ResultCodeError('truncated', 'the result code is cut off: only its first characters are there');
    throw new ResultCodeError('garbage', `this is not a result code: result codes start with ${RESULT_CODE_PREFIX}`);
  }
  const head = /^MSR(\d*)(-?)/.exec(text)!;
  if (head[1] === '') {
    if (text.length === PREFIX_HEAD.length) throw new ResultCodeError('truncated', 'the result code is cut off: only its first characters are there');
    throw new ResultCodeError('garbage', `this is not a result code: result codes start with ${RESULT_CODE_PREFIX}`);
  }
  if (head[1] !== String(RESULT_CODE_VERSION)) {
    // Only "MSR<n>-" is a version label; digits running on into the body are a damaged code.
    if (head[2] !== '-' || head[1]!.length > 4 || !/^[1-9]/.test(head[1]!)) throw new ResultCodeError('garbage', `this is not a result code: result codes start with ${RESULT_CODE_PREFIX}`);
    throw new ResultCodeError('version', `this is a format ${head[1]} result code; this version of the game reads format ${RESULT_CODE_VERSION} (${RESULT_CODE_PREFIX}…)`);
  }
  if (head[2] !== '-') {
    if (text.length === head[0].length) throw new ResultCodeError('truncated', 'the result code is cut off after its prefix');
    throw new ResultCodeError('garbage', `this is not a result code: result codes start with ${RESULT_CODE_PREFIX}`);
  }
  const symbols = text.slice(head[0].length).replace(/-+/g, '');
  const values: number[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const v = symbolValue(symbols[i]!);
    if (v < 0) {
      throw new ResultCodeError('garbage', `"${symbols[i]}" (character ${head[0].length + i + 1}) cannot be part of a result code; they use the digits and the letters A–Z but I, L, O and U`);
    }
    values.push(v);
  }
  const { bytes, spare } = valuesToBytes(values);
  if (bytes.length < 3) throw new ResultCodeError('truncated', 'the result code is cut off: it is too short to hold a game');
  if (crc8(bytes.subarray(0, 2)) !== bytes[2]) {
    throw new ResultCodeError('checksum', 'the result code does not add up (its length check fails): a character was mistyped or changed');
  }
  const bodyLength = bytes[0]! * 256 + bytes[1]!;
  const total = 3 + bodyLength + 4;
  const expectedSymbols = symbolsFor(total);
  if (values.length < expectedSymbols) {
    throw new ResultCodeError('truncated', `the result code is cut off: it has ${values.length} of its ${expectedSymbols} characters after ${RESULT_CODE_PREFIX}`);
  }
  if (values.length > expectedSymbols) {
    throw new ResultCodeError('trailing', `the result code has ${values.length - expectedSymbols} extra character(s) at the end: something was added to it`);
  }
  // The last symbol's spare bits are always zero; otherwise that symbol was mistyped.
  const all = bytes.subarray(0, total);
  const stored = ((all[total - 4]! << 24) | (all[total - 3]! << 16) | (all[total - 2]! << 8) | all[total - 1]!) >>> 0;
  if (spare !== 0 || crc32(all.subarray(0, total - 4), prefixCrc) !== stored) {
    throw new ResultCodeError('checksum', 'the result code does not add up (checksum): a character was mistyped or changed');
  }
  try {
    return parseBody(all.subarray(3, 3 + bodyLength));
  } catch (error) {
    if (error instanceof MalformedError) throw new ResultCodeError('malformed', `the result code checks out but its content is impossible: ${error.message}`);
    throw error;
  }
}

function parseBody(body: Uint8Array): ResultCodePayload {
  const r = new ByteReader(body);
  const scenarioId = r.text(40);
  if (!ID_PATTERN.test(scenarioId)) throw new MalformedError('the scenario id is not an id');
  const hash = bytesToHex(r.bytes(8));
  const seed = r.varint();
  if (seed > 2 ** 31 - 1) throw new MalformedError('the seed is out of range');
  const group = r.text(MAX_GROUP_BYTES);
  const problem = groupNameProblem(group);
  if (problem) throw new MalformedError(problem);
  const hundredths = r.zigzag();
  const claimedOutcome = bytesToHex(r.bytes(4));
  const stepCount = r.varint();
  if (stepCount > MAX_STEPS) throw new MalformedError(`it has ${stepCount} steps (at most ${MAX_STEPS})`);
  const steps: CodedStep[] = [];
  let previous: CodedMove[] | null = null;
  for (let s = 0; s < stepCount; s++) {
    const head = r.varint();
    const hasDispute = head % 2 === 1;
    const repeat = Math.floor(head / 2) % 2 === 1;
    const count = Math.floor(head / 4);
    const step: CodedStep = { moves: [] };
    if (hasDispute) {
      const count = r.varint();
      if (count < 1 || count > MAX_DISPUTE_CHOICES) throw new MalformedError(`step ${s + 1} makes ${count} dispute choices (1 to ${MAX_DISPUTE_CHOICES})`);
      step.dispute = [];
      for (let c = 0; c < count; c++) {
        const option = FORMAT2_DISPUTE_OPTIONS[r.varint()];
        if (option === undefined) throw new MalformedError(`step ${s + 1} settles the dispute in an unknown way`);
        step.dispute.push(option);
      }
    }
    if (repeat) {
      if (previous === null || previous.length === 0 || count !== 0) throw new MalformedError(`step ${s + 1} repeats a step that is not there`);
      step.moves = previous.map((m) => ({ ...m }));
    } else {
      if (count > MAX_MOVES) throw new MalformedError(`step ${s + 1} has ${count} moves (at most ${MAX_MOVES})`);
      for (let m = 0; m < count; m++) {
        const moveHead = r.varint();
        const shape = FORMAT1_MOVES[moveHead % KIND_RADIX];
        if (shape === undefined || moveHead >= KIND_RADIX * (INLINE_POINTS + 1)) throw new MalformedError(`step ${s + 1} has a move of unknown kind`);
        const move: CodedMove = { kind: shape.kind, points: Math.floor(moveHead / KIND_RADIX) };
        if (move.points === 0) {
          move.points = r.varint();
          // Small points always go inline, so each game has exactly one code.
          if (move.points <= INLINE_POINTS || move.points > 1000) throw new MalformedError(`step ${s + 1} puts ${move.points} points into a move the long way`);
        }
        if (shape.target) move.target = r.varint();
        if (shape.price) {
          move.price = r.varint();
          if (move.price > 1_000_000_000) throw new MalformedError(`step ${s + 1} sets an impossible price`);
        }
        step.moves.push(move);
      }
    }
    steps.push(step);
    previous = step.moves;
  }
  if (r.remaining !== 0) throw new MalformedError('there are bytes after the last step');
  return { scenarioId, scenarioHash: hash, seed, group, claimedScore: hundredths / 100, claimedOutcome, steps };
}

/** The replay a decoded code stands for, given the scenario (for its target numbering). */
export function payloadReplay(scenario: Scenario, payload: ResultCodePayload): Replay {
  return {
    format: REPLAY_FORMAT,
    scenarioId: payload.scenarioId,
    scenarioHash: payload.scenarioHash,
    seed: payload.seed,
    decisions: payload.steps.map((step) => {
      const moves = step.moves.map((m) => {
        const move: Replay['decisions'][number]['moves'][number] = { kind: m.kind, points: m.points };
        if (m.target !== undefined) move.target = targetId(scenario, m.target);
        if (m.price !== undefined) move.price = m.price;
        return move;
      });
      return step.dispute === undefined ? { moves } : { dispute: [...step.dispute], moves };
    }),
  };
}

/** Whether the code's scenario fields name this exact scenario version. */
export function payloadFits(scenario: Scenario, payload: ResultCodePayload): boolean {
  return payload.scenarioId === scenario.id && payload.scenarioHash === scenarioHash(scenario);
}

// The model's lists must all have format-1 numbers; checked when the module loads so a new move
// kind fails loudly in every test rather than producing codes that cannot be read back.
for (const kind of MOVE_KINDS) if (!FORMAT1_MOVE_KINDS.includes(kind)) throw new Error(`result code format 1 has no number for move "${kind}": append it to FORMAT1_MOVE_KINDS`);
for (const option of DISPUTE_OPTIONS) if (!FORMAT2_DISPUTE_OPTIONS.includes(option)) throw new Error(`result code format 2 has no number for dispute option "${option}": append it to FORMAT2_DISPUTE_OPTIONS`);
