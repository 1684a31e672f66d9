// A played game of a scenario with names for its won accounts (segments[].accountNames): the
// planning screen, the dispute's list of buyers and the debrief (timeline, causes, JSON) show
// those names, never the model's "New account N"; and the names change nothing in the model,
// so the game's state hash is the one the same decisions give without them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountPage, moveControls } from '../../src/app/planning-view';
import { buildDebrief, debriefJson } from '../../src/debrief/index';
import { accountNames } from '../../src/scenario/account-names';
import { botNamed, playBot, playSteps, stateHash } from '../../src/sim/index';
import { loadShipped, shippedScenarioPath } from '../support/scenarios';
import { scenarioOf } from '../scenario/helpers';

const OFFICE = ['Tower Court Partners', 'Dockside Studios', 'Quarry Lane Law'];
const SPECIALTY = ['The Roasted Fig', 'Saffron & Steam'];

const plain = loadShipped('two-hats');
const text = readFileSync(shippedScenarioPath('two-hats'), 'utf8')
  .replace('- { id: office, name: Offices, demand: 1 }', `- { id: office, name: Offices, demand: 1, accountNames: [${OFFICE.join(', ')}] }`)
  .replace('- { id: specialty, name: Specialty cafés, demand: 1 }', `- { id: specialty, name: Specialty cafés, demand: 1, accountNames: [${SPECIALTY.join(', ')}] }`);
const scenario = scenarioOf(text, 'two-hats-named.yaml');
const seed = 1;
const played = playBot(scenario, seed, botNamed('balanced')!);
const won = played.state.accounts.filter((a) => a.wonInQuarter > 0);
const names = accountNames(scenario, played.state);
const segmentOf = (a: (typeof won)[number]) => scenario.products.find((p) => p.id === a.buys[0]!.product)!.segment;

describe('a game of a scenario with names for won accounts', () => {
  it('wins accounts, and names them from the pool of their segment in the order won', () => {
    expect(scenario.segments[0]!.accountNames).toEqual(OFFICE);
    expect(won.length).toBeGreaterThan(OFFICE.length);
    const office = won.filter((a) => segmentOf(a) === 'office').map((a) => names.get(a.id));
    expect(office.slice(0, OFFICE.length)).toEqual(OFFICE.slice(0, office.length));
    const specialty = won.filter((a) => segmentOf(a) === 'specialty').map((a) => names.get(a.id));
    expect(specialty.slice(0, SPECIALTY.length)).toEqual(SPECIALTY.slice(0, specialty.length));
    const shown = won.map((a) => names.get(a.id)!);
    expect(new Set(shown).size).toBe(shown.length);
    for (const name of shown) expect(name).not.toMatch(/^New account/);
  });

  it('changes nothing in the model: the same decisions give the same state hash without the names', () => {
    expect(stateHash(playSteps(plain, seed, played.steps))).toBe(stateHash(played.state));
    // The model's own name is as it always was.
    expect(won[0]!.name).toBe('New account 1');
  });

  it('the planning screen lists and targets the won accounts by those names', () => {
    const page = accountPage(scenario, played.state, 0, 100);
    const active = won.filter((a) => a.active);
    expect(active.length).toBeGreaterThan(0);
    for (const a of active) expect(page.accounts.map((r) => r.name)).toContain(names.get(a.id));
    const relationship = moveControls(scenario, played.state).sales.find((c) => c.kind === 'relationship')!;
    for (const a of active) expect(relationship.target!.options).toContainEqual({ id: a.id, name: names.get(a.id) });
    expect(JSON.stringify(page)).not.toMatch(/New account \d/);
  });

  it('the debrief names them so in the timeline, the causes and the JSON download', () => {
    const debrief = buildDebrief(scenario, seed, played.steps);
    const wonInTimeline = debrief.timeline.flatMap((q) => q.won);
    expect(wonInTimeline).toEqual(won.map((a) => names.get(a.id)));
    const json = debriefJson(debrief);
    expect(json).not.toMatch(/New account \d/);
    expect(json).toContain(OFFICE[0]);
    // The same game without the pool shows the default names, still none "New account N".
    const unnamed = buildDebrief(plain, seed, played.steps);
    expect(debriefJson(unnamed)).not.toMatch(/New account \d/);
    expect(unnamed.stateHash).toBe(debrief.stateHash);
  });
});
