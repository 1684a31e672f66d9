// The hash that pins replays and scoreboards: canonicalJson is independent of key order (and
// drops undefined fields, refuses non-finite numbers), hashString is stable — pinned values
// below — and stateHash covers the whole state except the seed-determined luck table.
//
// Why: workshop groups compare final-state hashes computed on different machines and browsers;
// if the hash moved with key order or engine, honest scores would fail verification.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createGame, hashString, hashValue, stateHash } from '../../src/sim/index';
import { twoHats } from './helpers';

/** A copy of a JSON-like value with every object's keys re-inserted in a shuffled order. */
function reorderKeys(value: unknown, seed: number): unknown {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) out[k] = walk(x);
    return out;
  };
  return walk(value);
}

describe('canonicalJson', () => {
  it('is independent of key order, at every depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const shuffled = reorderKeys(value, seed);
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        expect(hashValue(shuffled)).toBe(hashValue(value));
      }),
      { seed: 5, numRuns: 500 },
    );
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('is valid JSON with sorted keys and reaches a fixed point when parsed and re-encoded', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { seed: 6, numRuns: 500 },
    );
    // Pinned: keys sorted, numbers in JavaScript's shortest round-trip form, no whitespace.
    expect(canonicalJson({ z: [1, 2.5, -0.125, 1e21, 'x'], a: null, m: { b: true, a: 'é' } })).toBe(
      '{"a":null,"m":{"a":"é","b":true},"z":[1,2.5,-0.125,1e+21,"x"]}',
    );
  });

  it('drops undefined fields, so an absent and an undefined field hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('refuses NaN and ±Infinity rather than hashing them as null', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => canonicalJson({ x: bad })).toThrow();
      expect(() => canonicalJson([1, bad])).toThrow();
    }
  });

  it('tells different values apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: [] })).not.toBe(canonicalJson({ a: {} }));
  });
});

describe('hashString', () => {
  it('is pinned to known values (cross-engine stability)', () => {
    // Computed once in Node 20 and written down. The hash uses only Math.imul, xor and unsigned
    // shifts on UTF-16 code units, so every engine must agree; if these change, every recorded
    // replay and scoreboard hash changes with them. The empty string is the two 32-bit seeds,
    // and the first half of "a" is the published 32-bit FNV-1a of "a" (0xe40c292c).
    expect(hashString('')).toBe('811c9dc55ad1e806');
    expect(hashString('a')).toBe('e40c292c41c9b750');
    expect(hashString('two-hats')).toBe('b819073e99d1a469');
    expect(hashString('Northside Roasters: café ☕ 1')).toBe('8e32e4e5f7d7fc81');
    expect(hashValue({ z: [1, 2.5, -0.125, 1e21, 'x'], a: null, m: { b: true, a: 'é' } })).toBe('0db958b5883b6295');
  });

  it('is 16 lowercase hex digits, deterministic, and sensitive to every character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), (text, at) => {
        const h = hashString(text);
        expect(h).toMatch(/^[0-9a-f]{16}$/);
        expect(hashString(text)).toBe(h);
        const i = text.length === 0 ? 0 : at % text.length;
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) || 0) ^ 1) + text.slice(i + 1);
        if (changed !== text) expect(hashString(changed)).not.toBe(h);
        expect(hashString(text + 'x')).not.toBe(h);
      }),
      { seed: 8, numRuns: 1000 },
    );
  });

  it('has no collisions among thousands of similar strings', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 20_000; i++) {
      const text = `two-hats:${i}:${i % 7}`;
      const h = hashString(text);
      expect(seen.get(h)).toBeUndefined();
      seen.set(h, text);
    }
  });
});

describe('stateHash', () => {
  it('ignores the luck table (the seed determines it) but nothing else', () => {
    const scenario = twoHats();
    const state = createGame(scenario, 1);
    const other = createGame(scenario, 2);
    expect(stateHash({ ...state, luck: other.luck })).toBe(stateHash(state));
    expect(stateHash({ ...state, cash: state.cash + 1 })).not.toBe(stateHash(state));
    expect(stateHash({ ...state, seed: 2 })).not.toBe(stateHash(state));
    expect(stateHash({ ...state, collaboration: state.collaboration + 1e-6 })).not.toBe(stateHash(state));
    const accounts = state.accounts.map((a, i) => (i === 0 ? { ...a, relationship: a.relationship / 2 } : a));
    expect(stateHash({ ...state, accounts })).not.toBe(stateHash(state));
  });
});
