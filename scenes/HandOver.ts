// The hot-seat hand-over: between two groups playing on one device. It names the next group and
// nothing else — none of the previous group's figures — and the previous group's game is put away
// (its own save slot deleted; other games' slots stay), so the title cannot list it either. Its result code is already
// in the workshop (collected on the final results).
import { groupsStillToPlay, readWorkshop } from '../src/app/workshop';
import { heatScenario } from '../src/app/scenario-versions';
import { makeHeatCode } from '../src/scoreboard/index';
import { BaseScene } from './base';
import { openLazy } from './lazy';
import { openBoard } from './board';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { button, h } from './ui/dom';

export class HandOver extends BaseScene {
  constructor() {
    super(SCENES.handOver);
  }

  create(): void {
    const g = this.begin(COLOURS.night);
    g.fillStyle(COLOURS.joint, 1);
    g.fillRect(0, HEIGHT - 12, WIDTH, 12);
    const { catalogue, session, storage } = app();
    // Only the hot-seat group's own slot is put away; every other saved game stays.
    if (session.playAs?.mode === 'hot-seat') session.putAway();
    const open = this.refusals();
    const toWorkshop = button('Back to the workshop set-up', () => openLazy(this, SCENES.workshop), 'secondary');
    const read = readWorkshop(storage);
    const workshop = read.status === 'ok' ? read.workshop : null;
    const scenario = workshop ? (heatScenario(catalogue, workshop.scenarioId, workshop.heatCode) ?? catalogue.scenarios.find((s) => s.id === workshop.scenarioId)?.scenario) : undefined;
    if (!workshop || !scenario) {
      this.place(WIDTH / 2 - 400, 200, 800, 300, h('div', { class: 'handover' }, [
        this.heading('h1', 'No workshop to play'),
        h('p', { text: read.status === 'rejected' ? read.message : 'Set up a workshop first: its scenario, seed and groups.' }),
        h('div', { class: 'handover-actions' }, [toWorkshop]),
      ]));
      return;
    }
    const left = groupsStillToPlay(workshop);
    const next = left[0];
    if (next === undefined) {
      this.place(WIDTH / 2 - 400, 180, 800, 340, h('div', { class: 'handover' }, [
        this.heading('h1', 'Every group has played'),
        h('p', { text: `All ${workshop.groups.length} groups have a result code in the workshop. Pass the device back to the instructor.` }),
        h('div', { class: 'handover-actions' }, [button('Open the scoreboard', () => openBoard(this, SCENES.scoreboard), 'primary'), toWorkshop]),
      ]));
      return;
    }
    const position = workshop.groups.indexOf(next) + 1;
    const start = button(`Start ${next}’s game`, () => {
      open((replace) => session.newGame(scenario, workshop.seed, { mode: 'hot-seat', group: next, scenarioId: scenario.id, seed: workshop.seed, heatCode: makeHeatCode(scenario, workshop.seed), ghost: null }, { replace }));
    }, 'primary');
    this.place(WIDTH / 2 - 420, 150, 840, 420, h('div', { class: 'handover' }, [
      h('p', { class: 'handover-step', text: `Hot-seat · group ${position} of ${workshop.groups.length} · ${scenario.title}` }),
      this.heading('h1', `Pass the device to ${next}`),
      h('p', { text: `${next}: when you have the device, start your game. You play the same scenario and luck as every other group; your result code is collected on this device at the end.` }),
      h('div', { class: 'handover-actions' }, [start, toWorkshop]),
    ]));
  }
}
