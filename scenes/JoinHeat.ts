// Joining a workshop heat: a group types the instructor's heat code and its own name, and plays
// the heat's scenario and seed. A code that cannot be read says why in words (mistyped symbol,
// too short, another scenario version…); the group's name goes into the result code at the end.
import { LiveApiError, serverPresent } from '../src/app/live-api';
import { everyVersion } from '../src/app/scenario-versions';
import { HeatCodeError, groupNameProblem, makeHeatCode, resolveHeatCode } from '../src/scoreboard/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel } from './ui/draw';

const GROUP_NAME_KEY = 'marketing-and-sales.group-name';

const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

export class JoinHeat extends BaseScene {
  constructor() {
    super(SCENES.join);
  }

  create(data: { code?: string } = {}): void {
    const g = this.begin();
    const { catalogue, session, storage, live } = app();
    const open = this.refusals();
    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [
      this.heading('h1', 'Join a workshop heat'),
      button('Back to the title', () => this.scene.start(SCENES.title), 'ghost'),
    ]));
    const panel = { x: WIDTH / 2 - 360, y: 110, w: 720, h: 470 };
    drawPanel(g, panel, COLOURS.panel, COLOURS.joint);

    const code = h('input', { class: 'heat-input', attrs: { id: 'join-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '40', placeholder: 'XXXXX-XXXXX', 'aria-describedby': 'join-code-hint' } });
    const name = h('input', { attrs: { id: 'join-group', type: 'text', autocomplete: 'off', maxlength: '80' } });
    try {
      name.value = storage.getItem(GROUP_NAME_KEY) ?? '';
    } catch {
      name.value = '';
    }
    if (data.code) code.value = data.code;
    const error = h('div', { class: 'join-error', attrs: { role: 'alert' } });
    // A live workshop's code (XXXX-XXXX), on a page the workshop server served: join there.
    const liveCode = () => code.value.replace(/[\s-]/g, '').length === 8;
    const joinLive = async (group: string) => {
      if (!serverPresent()) {
        error.replaceChildren(h('p', { class: 'alert', text: 'Heat code: Eight symbols are a live workshop’s code, which needs the page your instructor’s workshop server shows. Open the address your instructor gives.' }));
        return;
      }
      try {
        await live.join(code.value, group);
      } catch (e) {
        const field = e instanceof LiveApiError && (e.code === 'bad-name' || e.code === 'name-taken' || e.code === 'name-not-listed') ? 'Group name' : 'Workshop code';
        error.replaceChildren(h('p', { class: 'alert', text: `${field}: ${sentence((e as Error).message)}` }));
      }
    };
    const join = () => {
      error.replaceChildren();
      code.removeAttribute('aria-invalid');
      name.removeAttribute('aria-invalid');
      const problems: string[] = [];
      if (liveCode()) {
        const group = name.value.trim().replace(/\s+/g, ' ');
        const nameProblem = groupNameProblem(group);
        if (nameProblem) {
          error.append(h('p', { class: 'alert', text: `Group name: ${sentence(nameProblem)}` }));
          name.setAttribute('aria-invalid', 'true');
          name.focus();
          return;
        }
        void joinLive(group);
        return;
      }
      let heat: ReturnType<typeof resolveHeatCode> | null = null;
      try {
        heat = resolveHeatCode(code.value, everyVersion(catalogue));
      } catch (e) {
        if (!(e instanceof HeatCodeError)) throw e;
        problems.push(`Heat code: ${sentence(e.message)}`);
        code.setAttribute('aria-invalid', 'true');
      }
      const group = name.value.trim().replace(/\s+/g, ' ');
      const nameProblem = groupNameProblem(group);
      if (nameProblem) {
        problems.push(`Group name: ${sentence(nameProblem)}`);
        name.setAttribute('aria-invalid', 'true');
      }
      if (problems.length > 0 || !heat) {
        error.append(h('p', { class: 'alert' }, problems.map((p) => h('span', { class: 'problem-line', text: p }))));
        (code.hasAttribute('aria-invalid') ? code : name).focus();
        return;
      }
      try {
        storage.setItem(GROUP_NAME_KEY, group);
      } catch {
        // Remembering the name is a convenience only.
      }
      open((replace) => session.newGame(heat.scenario, heat.seed, { mode: 'join', group, scenarioId: heat.scenario.id, seed: heat.seed, heatCode: makeHeatCode(heat.scenario, heat.seed), ghost: null }, { replace }));
    };
    const form = h('form', { class: 'join-form', attrs: { 'aria-label': 'Join a heat', novalidate: '' } }, [
      h('p', { text: 'Your instructor shows a heat code. Every group that types it plays the same scenario with the same luck, so the scores compare fairly.' }),
      h('label', { attrs: { for: 'join-code' }, text: 'Heat code' }),
      code,
      h('p', { class: 'meta', attrs: { id: 'join-code-hint' }, text: 'Ten letters and digits (eight for a live workshop); case, spaces and hyphens do not matter.' }),
      h('label', { attrs: { for: 'join-group' }, text: 'Your group’s name' }),
      name,
      error,
      h('div', { class: 'footer-actions' }, [h('button', { class: 'btn btn-primary', text: 'Join the heat', attrs: { type: 'submit' } })]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      join();
    });
    this.place(panel.x + 32, panel.y + 24, panel.w - 64, panel.h - 40, form);
  }
}
