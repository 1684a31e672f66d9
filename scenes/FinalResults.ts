// The final results: the balanced scorecard, each component with its weight, the total against
// the scenario's par, and the scenario's debrief notes. Every number is the model's scoreCard.
import { formatMoney } from '../src/app/format';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, COUNT_UP_MS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel } from './ui/draw';

const COMPONENTS = [
  ['profit', 'Profit (short run)'],
  ['revenue', 'Revenue (short run)'],
  ['customerEquity', 'Customer equity (long run)'],
  ['portfolioHealth', 'Portfolio health (long run)'],
  ['collaboration', 'Collaboration'],
] as const;

export class FinalResults extends BaseScene {
  constructor() {
    super(SCENES.final);
  }

  create(): void {
    const g = this.begin();
    const { scenario, game } = this.snapshot().context;
    const last = game.history[game.history.length - 1]!;
    const card = last.score;
    const par = scenario.scoring.par;
    const weights = scenario.scoring.weights;
    const verdict = card.total >= par ? `${(card.total - par).toFixed(1)} above par` : `${(par - card.total).toFixed(1)} below par`;

    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', `Final results: ${scenario.title}`), h('p', { class: 'meta', text: `${scenario.firm.name} after ${scenario.quarters} quarters · seed ${game.seed}` })]),
      h('div', { class: 'header-actions' }, [
        button('Open the debrief', () => this.scene.start(SCENES.debrief), 'primary'),
        button('Back to the title', () => {
          app().session.stop();
          app().saveStatus = null;
          this.scene.start(SCENES.title);
        }, 'secondary'),
      ]),
    ]));

    const left = { x: 16, y: 92, w: 760, h: 440 };
    const right = { x: 792, y: 92, w: 472, h: 440 };
    drawPanel(g, left, COLOURS.panel, COLOURS.joint);
    drawPanel(g, right);
    const total = h('strong', { class: 'total' });
    const rows = COMPONENTS.map(([key, label]) =>
      h('div', { class: 'score-row', attrs: { role: 'row' } }, [
        h('span', { attrs: { role: 'rowheader' }, text: label }),
        h('span', { attrs: { role: 'cell' }, text: `× ${weights[key]}` }),
        h('span', { attrs: { role: 'cell' }, text: card[key].toFixed(1) }),
      ]),
    );
    this.place(left.x + 24, left.y + 20, left.w - 48, left.h - 30, h('section', { class: 'scorecard' }, [
      h('h2', { text: 'Your scorecard' }),
      h('p', { class: 'total-line', attrs: { 'aria-label': `Total score ${card.total.toFixed(1)}, par ${par}: ${verdict}` } }, [total, h('span', { text: ` / par ${par} · ${verdict}` })]),
      h('div', { class: 'score-table', attrs: { role: 'table', 'aria-label': 'Scorecard components' } }, [
        h('div', { class: 'score-row thead', attrs: { role: 'row' } }, ['Component', 'Weight', 'Points'].map((t) => h('span', { attrs: { role: 'columnheader' }, text: t }))),
        ...rows,
      ]),
      h('p', { class: 'meta', text: `Points: 100 meets the scenario’s target. Totals: revenue ${formatMoney(game.history.reduce((s, r) => s + r.revenue, 0))}, profit ${formatMoney(game.history.reduce((s, r) => s + r.profit, 0))}, final customer equity ${formatMoney(last.customerEquity)}.` }),
    ]));
    this.place(right.x + 24, right.y + 20, right.w - 48, right.h - 30, h('section', { class: 'debrief' }, [
      h('h2', { text: 'Debrief' }),
      h('ul', {}, scenario.debrief.map((t) => h('li', { text: t }))),
      game.dispute ? h('p', { text: `The dispute: you chose to ${game.dispute.option === 'discontinue' ? 'discontinue' : 'keep'} the ${scenario.products.find((p) => p.id === game.dispute!.product)?.name ?? game.dispute.product} in quarter ${game.dispute.openedInQuarter}.` }) : null,
    ]));

    // Score bars against the par line, grown by a short tween. Bars run from 0 to 150 points.
    this.place(left.x + 400 + (300 * par) / 150 - 40, left.y + 116, 80, 20, h('span', { class: 'par-label', text: `par ${par}`, attrs: { 'aria-hidden': 'true' } }));
    const bars = this.add.graphics();
    const area = { x: left.x + 400, y: left.y + 151, w: 300, rowH: 48 };
    const draw = (t: number) => {
      bars.clear();
      COMPONENTS.forEach(([key], i) => {
        const value = Math.max(0, Math.min(150, card[key])) * t;
        bars.fillStyle(COLOURS.line, 1);
        bars.fillRect(area.x, area.y + i * area.rowH, area.w, 14);
        bars.fillStyle(i < 2 ? COLOURS.sales : i < 4 ? COLOURS.marketing : COLOURS.joint, 1);
        bars.fillRect(area.x, area.y + i * area.rowH, (area.w * value) / 150, 14);
      });
      const parX = area.x + (area.w * par) / 150;
      bars.lineStyle(3, COLOURS.ink, 1);
      bars.lineBetween(parX, area.y - 12, parX, area.y + COMPONENTS.length * area.rowH - 20);
      total.textContent = (card.total * t).toFixed(1);
    };
    draw(0);
    const tween = this.tweens.addCounter({ from: 0, to: 1, duration: COUNT_UP_MS, onUpdate: (tw) => draw(tw.getValue() ?? 1), onComplete: () => draw(1) });
    this.onCleanup(() => tween.remove());
  }
}
