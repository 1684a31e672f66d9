// The leads' portraits (assets/portraits, drawn by scripts/portraits.mjs): one file per portrait
// the scenario schema offers, each drawn in every mood the screens ask for, the project's own art
// with nothing fetched from elsewhere; and each shipped scenario's people use one.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MOODS, PORTRAITS } from '../../src/scenario/portraits';
import { loadShipped } from '../support/scenarios';

const dir = fileURLToPath(new URL('../../assets/portraits/', import.meta.url));

describe('the portraits', () => {
  it('are one SVG per portrait id, no more, no fewer', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()).toEqual([...PORTRAITS].map((p) => `${p}.svg`).sort());
  });

  for (const id of PORTRAITS) {
    it(`${id}: every mood drawn, shown by data-mood, nothing from outside`, () => {
      const svg = readFileSync(`${dir}${id}.svg`, 'utf8');
      expect(svg).toMatch(/^<!-- Portrait ".+": .+ Drawn for Marketing & Sales/);
      for (const mood of MOODS) {
        expect(svg).toContain(`<g class="mood mood-${mood}">`);
        expect(svg).toContain(`[data-mood=${mood}] .mood-${mood}`);
      }
      expect(svg).not.toMatch(/href=|url\((?!#)|@import|<image/);
    });
  }

  it('each shipped scenario’s leads have one', () => {
    for (const id of ['two-hats', 'divisions']) {
      const people = loadShipped(id).people;
      if (!people) continue;
      expect(PORTRAITS).toContain(people.marketing.portrait);
      expect(PORTRAITS).toContain(people.sales.portrait);
      expect(people.marketing.portrait).not.toBe(people.sales.portrait);
    }
  });
});
