// Choosing a scenario: each shipped one with its title, length and learning objectives, and the
// seed (workshop groups type the same one to play the same game).
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel } from './ui/draw';

export class ScenarioSelect extends BaseScene {
  constructor() {
    super(SCENES.select);
  }

  create(): void {
    const g = this.begin();
    const { catalogue, session } = app();
    const header = h('div', { class: 'screen-header' }, [
      this.heading('h1', 'Choose a scenario'),
      button('Back to the title', () => this.scene.start(SCENES.title), 'ghost'),
    ]);
    this.place(40, 24, WIDTH - 80, 64, header);

    const list = catalogue.scenarios;
    const gap = 24;
    const cardW = list.length >= 3 ? 384 : list.length === 2 ? 520 : 640;
    const total = list.length * cardW + (list.length - 1) * gap;
    let x = (WIDTH - total) / 2;
    for (const { scenario } of list) {
      const rect = { x, y: 110, w: cardW, h: list.length >= 3 ? 580 : 420 };
      drawPanel(g, rect, COLOURS.panel, scenario.firm.structure === 'solo' ? COLOURS.joint : COLOURS.marketing);
      const seedId = `seed-${scenario.id}`;
      const seed = h('input', { attrs: { id: seedId, type: 'number', min: '0', step: '1', value: String(scenario.defaultSeed), inputmode: 'numeric' } });
      const card = h('article', { class: 'scenario-card', attrs: { 'aria-label': scenario.title } }, [
        h('h2', { text: scenario.title }),
        h('p', { class: 'meta', text: `${scenario.quarters} quarters · ${scenario.firm.name} · ${scenario.effortBudget} effort points a quarter` }),
        h('h3', { text: 'What you will learn' }),
        h('ul', {}, scenario.objectives.map((o) => h('li', { text: o }))),
        h('div', { class: 'card-actions' }, [
          h('label', { class: 'seed', attrs: { for: seedId } }, ['Seed ', seed]),
          button('Play', () => {
            const value = Number.parseInt(seed.value, 10);
            session.newGame(scenario, Number.isInteger(value) && value >= 0 ? value : scenario.defaultSeed);
          }, 'primary', `Play ${scenario.title}`),
        ]),
      ]);
      this.place(rect.x, rect.y + 6, rect.w, rect.h - 6, card);
      x += cardW + gap;
    }
    if (list.length === 0 || catalogue.problems.length > 0) {
      const problems = h('div', { class: 'alert', attrs: { role: 'alert' } }, [
        h('p', { text: 'Some shipped scenario files could not be loaded:' }),
        h('ul', {}, catalogue.problems.slice(0, 6).map((p) => h('li', { text: p }))),
      ]);
      this.place(40, 560, WIDTH - 80, 140, problems);
    }
  }
}
