// The debrief as JSON: it round-trips through JSON.parse with its format field, carries the forks
// when given, and holds no NaN or Infinity (the writer refuses one rather than write null).
import { describe, expect, it } from 'vitest';
import { FINAL_DISPUTE_OPTIONS, botNamed, playBot } from '../../src/sim/index';
import { DEBRIEF_FORMAT, buildDebrief, debriefJson, forkAtDispute, type Debrief, type Fork } from '../../src/debrief/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

/** Paths of every non-finite number or non-JSON leaf. */
function badLeaves(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(path);
  } else if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
    out.push(path);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) badLeaves(v, `${path}.${k}`, out);
  }
  return out;
}

describe('the debrief as JSON', () => {
  it('round-trips with the format field, forks included, and holds only finite numbers', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const name of ['balanced', 'random', 'all-marketing', 'adaptive']) {
        const { steps } = playBot(scenario, seed, botNamed(name)!);
        const debrief = buildDebrief(scenario, seed, steps);
        expect(badLeaves(debrief)).toEqual([]);
        const text = debriefJson(debrief);
        expect(text).toContain('\n  "format": "marketing-and-sales/debrief@1"');
        const parsed = JSON.parse(text) as Debrief;
        expect(parsed.format).toBe(DEBRIEF_FORMAT);
        expect(parsed).toEqual(debrief);
        const forks: Fork[] = [];
        for (const alternative of FINAL_DISPUTE_OPTIONS) {
          try {
            forks.push(forkAtDispute(scenario, seed, steps, alternative));
          } catch {
            // An option not open at the sitting: the fork list just leaves it out.
          }
        }
        expect(forks.length).toBeGreaterThan(0);
        expect(badLeaves(forks)).toEqual([]);
        const withForks = JSON.parse(debriefJson(debrief, forks)) as Debrief & { forks: Fork[] };
        expect(withForks.format).toBe(DEBRIEF_FORMAT);
        expect(withForks.forks).toEqual(forks);
      }
    }
  });

  it('refuses a non-finite figure instead of writing null', () => {
    const { steps } = playBot(scenario, 1, botNamed('balanced')!);
    const debrief = buildDebrief(scenario, 1, steps);
    const broken = { ...debrief, ideas: [{ ...debrief.ideas[0]!, figures: { x: Number.NaN } }] };
    expect(() => debriefJson(broken)).toThrow(/"x" is NaN/);
  });
});
