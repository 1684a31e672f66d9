// Workshop set-up, for the instructor: a shipped scenario, a seed (its default or a new random
// one), the groups and their names. Shows the heat code large — groups type it on their own
// devices under "Join a workshop heat" — and opens hot-seat play on this device or the scoreboard.
// Every valid change is kept in the browser (src/app/workshop.ts), so a reload loses nothing.
import {
  MAX_GROUPS,
  MIN_GROUPS,
  createWorkshop,
  defaultGroupName,
  groupsStillToPlay,
  randomSeed,
  readWorkshop,
  writeWorkshop,
  type Workshop as WorkshopData,
} from '../src/app/workshop';
import { MAX_SEED } from '../src/scoreboard/index';
import { BaseScene } from './base';
import { openLazy } from './lazy';
import { openBoard } from './board';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';

export class Workshop extends BaseScene {
  constructor() {
    super(SCENES.workshop);
  }

  create(): void {
    const g = this.begin();
    const { catalogue, storage } = app();
    const scenarios = catalogue.scenarios;

    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [
      this.heading('h1', 'Workshop set-up'),
      button('Back to the title', () => this.scene.start(SCENES.title), 'ghost'),
    ]));
    drawPanel(g, { x: 40, y: 100, w: 600, h: 600 }, COLOURS.panel, COLOURS.joint);
    drawPanel(g, { x: 660, y: 100, w: 580, h: 600 }, COLOURS.panel, COLOURS.marketing);

    if (scenarios.length === 0) {
      this.place(64, 120, 552, 100, h('p', { class: 'alert', attrs: { role: 'alert' }, text: 'No scenario could be loaded, so no workshop can be set up. See the scenario screen for the errors.' }));
      return;
    }

    // ----- What is stored, or a first workshop: the first scenario, its default seed, two groups.
    const read = readWorkshop(storage);
    let notice = read.status === 'rejected' ? read.message : '';
    let stored: WorkshopData | null = read.status === 'ok' ? read.workshop : null;
    if (stored && !scenarios.some((s) => s.id === stored!.scenarioId)) {
      notice = `The saved workshop was for scenario “${stored.scenarioId}”, which is not available here; choose a scenario again.`;
      stored = null;
    }
    const first = scenarios[0]!.scenario;
    const draft = {
      scenarioId: stored?.scenarioId ?? first.id,
      seed: stored?.seed ?? first.defaultSeed,
      groups: stored?.groups ? [...stored.groups] : [defaultGroupName(0), defaultGroupName(1)],
      codes: stored?.codes ?? [],
      groupsMaySeeBoard: stored?.groupsMaySeeBoard ?? false,
    };
    let saved: WorkshopData | null = null;
    // Collected codes stay with their heat: typing a seed digit by digit passes through other
    // heats, and coming back to the heat's own seed must bring its codes back.
    const heatKey = (scenarioId: string, seed: number) => `${scenarioId}\n${seed}`;
    const codesByHeat = new Map<string, string[]>();
    if (draft.codes.length > 0) codesByHeat.set(heatKey(draft.scenarioId, draft.seed), [...draft.codes]);
    let shownHeat = heatKey(draft.scenarioId, draft.seed);
    const scenarioOf = (id: string) => (scenarios.find((s) => s.id === id) ?? scenarios[0]!).scenario;

    // ----- The form (left).
    const scenarioSelect = h('select', { attrs: { id: 'ws-scenario' } }, scenarios.map((s) => h('option', { text: s.scenario.title, attrs: { value: s.id } })));
    scenarioSelect.value = draft.scenarioId;
    const seedInput = h('input', { attrs: { id: 'ws-seed', type: 'number', min: '0', max: String(MAX_SEED), step: '1', inputmode: 'numeric', 'aria-describedby': 'ws-seed-problem' } });
    seedInput.value = String(draft.seed);
    const seedProblem = h('p', { class: 'field-problem', attrs: { id: 'ws-seed-problem' } });
    const countSelect = h('select', { attrs: { id: 'ws-count' } }, Array.from({ length: MAX_GROUPS - MIN_GROUPS + 1 }, (_, i) => h('option', { text: String(i + MIN_GROUPS), attrs: { value: String(i + MIN_GROUPS) } })));
    countSelect.value = String(draft.groups.length);
    const groupList = h('ol', { class: 'group-list', attrs: { 'aria-label': 'Group names', tabindex: '-1' } });
    const problems: HTMLElement[] = [];
    const inputs: HTMLInputElement[] = [];

    const renderGroups = () => {
      groupList.replaceChildren();
      problems.length = 0;
      inputs.length = 0;
      draft.groups.forEach((name, i) => {
        const id = `ws-group-${i + 1}`;
        const input = h('input', { attrs: { id, type: 'text', maxlength: '80', autocomplete: 'off', 'aria-describedby': `${id}-problem` } });
        input.value = name;
        input.addEventListener('input', () => {
          draft.groups[i] = input.value;
          update();
        });
        const problem = h('span', { class: 'field-problem', attrs: { id: `${id}-problem` } });
        inputs.push(input);
        problems.push(problem);
        groupList.append(h('li', { class: 'group-row' }, [h('label', { attrs: { for: id }, text: `Group ${i + 1}` }), input, problem]));
      });
    };

    const form = h('div', { class: 'workshop-form' }, [
      notice ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: notice }) : null,
      h('div', { class: 'form-row' }, [h('label', { attrs: { for: 'ws-scenario' }, text: 'Scenario' }), scenarioSelect]),
      h('div', { class: 'form-row' }, [
        h('label', { attrs: { for: 'ws-seed' }, text: 'Seed' }),
        seedInput,
        button('New random seed', () => {
          seedInput.value = String(randomSeed());
          update();
          announce(`New seed ${seedInput.value}`);
        }),
        button('Default seed', () => {
          seedInput.value = String(scenarioOf(scenarioSelect.value).defaultSeed);
          update();
        }, 'ghost'),
      ]),
      seedProblem,
      h('div', { class: 'form-row' }, [h('label', { attrs: { for: 'ws-count' }, text: 'Number of groups' }), countSelect]),
      h('h2', { class: 'group-title', text: 'Group names' }),
      h('div', { class: 'group-scroll' }, [groupList]),
    ]);
    this.place(64, 116, 552, 568, form);

    // ----- The heat (right).
    const heatCode = h('p', { class: 'heat-code', attrs: { 'aria-live': 'polite' } });
    const heatMeta = h('p', { class: 'meta heat-meta' });
    const progress = h('p', { class: 'heat-progress' });
    const mayView = h('input', { attrs: { type: 'checkbox', id: 'ws-may-view' } });
    mayView.checked = draft.groupsMaySeeBoard;
    mayView.addEventListener('change', () => {
      draft.groupsMaySeeBoard = mayView.checked;
      update();
    });
    const hotSeat = button('Play hot-seat on this device', () => {
      if (saved) openLazy(this, SCENES.handOver);
    }, 'primary');
    const board = button('Open the scoreboard', () => {
      if (saved) openBoard(this, SCENES.scoreboard);
    });
    const heat = h('section', { class: 'heat-panel', attrs: { 'aria-label': 'The heat' } }, [
      h('h2', { text: 'Heat code' }),
      heatCode,
      heatMeta,
      h('p', { text: 'Groups with their own device open the game and choose “Join a workshop heat”, then type this code and their group’s name. At the end each group gets a result code to hand in.' }),
      progress,
      h('label', { class: 'check', attrs: { for: 'ws-may-view' } }, [mayView, ' Groups may see the board']),
      h('h3', { text: 'How the heat runs' }),
      h('ol', { class: 'heat-steps' }, [
        h('li', { text: 'Groups play: on their own devices with the heat code, or in turn on this one (hot-seat).' }),
        h('li', { text: 'Each group hands in its result code (chat, email or QR code); hot-seat codes are collected here.' }),
        h('li', { text: 'The scoreboard replays every code and ranks the groups; the projector view reveals the places one by one.' }),
      ]),
      h('div', { class: 'heat-actions' }, [hotSeat, board]),
    ]);
    this.place(684, 116, 532, 568, heat);

    const update = () => {
      const scenario = scenarioOf(scenarioSelect.value);
      const seed = seedInput.value.trim() === '' ? Number.NaN : Number(seedInput.value);
      const count = Number(countSelect.value);
      while (draft.groups.length < count) {
        let i = draft.groups.length;
        while (draft.groups.includes(defaultGroupName(i))) i++;
        draft.groups.push(defaultGroupName(i));
      }
      if (draft.groups.length > count) draft.groups.length = count;
      if (inputs.length !== draft.groups.length) renderGroups();
      const key = heatKey(scenario.id, seed);
      const made = createWorkshop(scenario, seed, draft.groups, { codes: codesByHeat.get(key) ?? [], groupsMaySeeBoard: draft.groupsMaySeeBoard });
      if (made.ok) {
        const left = codesByHeat.get(shownHeat)?.length ?? 0;
        if (key !== shownHeat && left > 0) {
          announce(`A new heat. The ${left} result codes collected for the previous heat are set aside; set its scenario and seed again to bring them back.`);
        }
        shownHeat = key;
        saved = made.workshop;
        draft.codes = saved.codes;
        writeWorkshop(storage, saved);
        seedProblem.textContent = '';
        problems.forEach((p) => (p.textContent = ''));
        inputs.forEach((i) => i.removeAttribute('aria-invalid'));
        seedInput.removeAttribute('aria-invalid');
      } else {
        saved = null;
        seedProblem.textContent = made.seedProblem ? `Seed: ${made.seedProblem}.` : '';
        seedInput.toggleAttribute('aria-invalid', made.seedProblem !== null);
        made.groupProblems.forEach((p, i) => {
          problems[i]!.textContent = p ? `${p[0]!.toUpperCase()}${p.slice(1)}.` : '';
          if (p) inputs[i]!.setAttribute('aria-invalid', 'true');
          else inputs[i]!.removeAttribute('aria-invalid');
        });
      }
      hotSeat.disabled = saved === null;
      board.disabled = saved === null;
      if (saved) {
        heatCode.textContent = saved.heatCode;
        heatCode.setAttribute('aria-label', `Heat code ${saved.heatCode.split('').join(' ')}`);
        heatMeta.textContent = `${scenario.title} · seed ${saved.seed} · ${saved.groups.length} group${saved.groups.length === 1 ? '' : 's'}`;
        const left = groupsStillToPlay(saved);
        progress.textContent = `Result codes collected: ${saved.codes.length}. ${left.length === 0 ? 'Every group has handed in a code.' : `Still to play: ${left.join(', ')}.`}`;
      } else {
        heatCode.textContent = '—';
        heatCode.removeAttribute('aria-label');
        heatMeta.textContent = 'Fix the set-up on the left to get a heat code.';
        progress.textContent = '';
      }
    };

    scenarioSelect.addEventListener('change', () => {
      seedInput.value = String(scenarioOf(scenarioSelect.value).defaultSeed);
      update();
    });
    seedInput.addEventListener('input', update);
    countSelect.addEventListener('change', update);
    renderGroups();
    update();
  }
}
