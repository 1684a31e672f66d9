// A scenario's people: every field but name and role has a default, so a short section plays;
// a wrong portrait, an empty bonus plan, people in a solo firm and a dispute naming other leaders
// are refused with the line, column and field. Without the section, a file loads as before.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCENTIVE } from '../../src/scenario/schema';
import { DEFAULT_PORTRAIT } from '../../src/scenario/portraits';
import { errorsOf, expectIssue, fixture, scenarioOf } from './helpers';

const twoLeads = fixture('minimal.yaml');
const withPeople = (people: string) => twoLeads.replace(/^dispute:/m, `${people}\ndispute:`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const SHORT = `people:
  marketing: { name: Ana, role: Marketing lead }
  sales: { name: Ben, role: Sales lead }`;

describe('people in a scenario file', () => {
  it('a short section plays: portraits, voices and bonus plans take their defaults', () => {
    const s = scenarioOf(withPeople(SHORT));
    expect(s.people!.marketing).toEqual({ name: 'Ana', role: 'Marketing lead', portrait: DEFAULT_PORTRAIT.marketing, voice: {}, incentive: DEFAULT_INCENTIVE.marketing });
    expect(s.people!.sales.incentive).toEqual(DEFAULT_INCENTIVE.sales);
    expect(s.people!.sales.portrait).toBe(DEFAULT_PORTRAIT.sales);
  });

  it('without the section, no key is added (the file hashes as it did)', () => {
    expect('people' in scenarioOf(twoLeads)).toBe(false);
  });

  it('refuses an unknown portrait, naming the ones there are', () => {
    const text = withPeople(SHORT.replace('{ name: Ben, role: Sales lead }', '{ name: Ben, role: Sales lead, portrait: pirate }'));
    const line = lineOf(text, 'portrait: pirate');
    expectIssue(errorsOf(text), { line, column: text.split('\n')[line - 1]!.indexOf('pirate') + 1, path: 'people.sales.portrait', message: '"beard-crop"' });
  });

  it('refuses a bonus plan that weighs nothing', () => {
    const text = withPeople(`people:
  marketing: { name: Ana, role: Marketing lead, incentive: { goodwill: 0 } }
  sales: { name: Ben, role: Sales lead }`);
    const line = lineOf(text, 'incentive: { goodwill: 0 }');
    const errors = errorsOf(text);
    expect(errors.find((e) => e.path === 'people.marketing.incentive')?.line).toBe(line);
    expect(errors.find((e) => e.path === 'people.marketing.incentive')?.message).toContain('at least one measure must weigh above 0');
  });

  it('refuses a measure that does not exist, with the field', () => {
    const text = withPeople(`people:
  marketing: { name: Ana, role: Marketing lead, incentive: { happiness: 50 } }
  sales: { name: Ben, role: Sales lead }`);
    expect(errorsOf(text).some((e) => e.path.startsWith('people.marketing.incentive') && e.line === lineOf(text, 'happiness'))).toBe(true);
  });

  it('refuses people in a solo firm', () => {
    const text = withPeople(SHORT).replace('structure: two-leads', 'structure: solo');
    const errors = errorsOf(text);
    const issue = errors.find((e) => e.path === 'people')!;
    // A mapping's place is where its value begins: the section's first line.
    expect(issue.line).toBe(lineOf(text, 'people:') + 1);
    expect(issue.message).toContain('a solo firm has no leads');
  });

  it('refuses a dispute whose leaders are other people than the leads', () => {
    const text = withPeople(SHORT.replace('name: Ben', 'name: Benedikt'));
    const errors = errorsOf(text);
    const issue = errors.find((e) => e.path === 'dispute.sales.name')!;
    expect(issue.message).toContain('"Ben"');
    expect(issue.message).toContain('"Benedikt"');
  });
});
