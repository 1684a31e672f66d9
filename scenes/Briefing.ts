// The briefing: the firm, its two sides and the situation, before the first quarter.
import { formatMoney } from '../src/app/format';
import { scorecardView } from '../src/app/goal-view';
import { MEASURE_SHORT } from '../src/app/lead-text';
import { planText } from '../src/app/lead-view';
import type { Side } from '../src/sim/index';
import { BaseScene } from './base';
import { TOUR_DONE_KEY, app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { portrait } from './ui/portrait';

export class Briefing extends BaseScene {
  constructor() {
    super(SCENES.briefing);
  }

  create(): void {
    const g = this.begin();
    const context = app();
    const { scenario, game } = this.snapshot().context;

    // Top to bottom: the situation, the two sides, how the game is scored, the start.
    drawPanel(g, { x: 40, y: 88, w: WIDTH - 80, h: 196 });
    drawPanel(g, { x: 40, y: 292, w: 590, h: 140 }, COLOURS.marketingTint, COLOURS.marketing);
    drawPanel(g, { x: 650, y: 292, w: 590, h: 140 }, COLOURS.salesTint, COLOURS.sales);
    drawPanel(g, { x: 40, y: 444, w: WIDTH - 80, h: 196 }, COLOURS.panel, COLOURS.joint);
    this.add.image(80, 336, ICONS.marketing).setScale(0.6);
    this.add.image(690, 336, ICONS.sales).setScale(0.6);

    this.place(40, 16, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', `Briefing: ${scenario.title}`)]));
    this.place(64, 100, WIDTH - 128, 176, h('div', { class: 'briefing-text' }, [
      h('p', { text: scenario.briefing }),
      h('p', { class: 'meta', text: `${scenario.quarters} quarters · ${scenario.effortBudget} effort points each quarter · starting cash ${formatMoney(game.cash)} · overhead ${formatMoney(scenario.firm.overhead)} a quarter` }),
    ]));
    const products = scenario.products.map((p) => p.name).join(', ');
    const accounts = game.accounts.filter((a) => a.active);
    this.place(112, 302, 508, 124, h('section', { class: scenario.people ? 'side-text marketing with-lead' : 'side-text marketing', attrs: { 'aria-label': 'Marketing' } }, [
      h('h2', { text: 'Marketing: the product lines' }),
      // Beside a lead's line, the list of lines keeps to one line (all of it in the tooltip).
      h('p', { class: scenario.people ? 'one-line' : '', text: `${scenario.products.length} lines: ${products}.`, attrs: { title: products } }),
      h('p', { text: 'Campaigns, research and improvements build goodwill and quality: slow to pay, and the payoff lasts.' }),
      this.leadLine('marketing'),
    ]));
    this.place(722, 302, 508, 124, h('section', { class: scenario.people ? 'side-text sales with-lead' : 'side-text sales', attrs: { 'aria-label': 'Sales' } }, [
      h('h2', { text: 'Sales: the people and accounts' }),
      h('p', { text: `${accounts.length} accounts, ${accounts.filter((a) => a.key).length} of them key: ${accounts.filter((a) => a.key).map((a) => a.name).join(', ')}.` }),
      h('p', { text: 'Calls, service and prospecting pay this quarter, and fade when they stop.' }),
      this.leadLine('sales'),
    ]));

    // The scorecard in words: what counts, how much, the targets, par (src/app/goal-view.ts).
    const card = scorecardView(scenario);
    this.place(64, 454, WIDTH - 128, 182, h('section', { class: 'scorecard-brief', attrs: { 'aria-labelledby': 'scorecard-heading' } }, [
      h('div', { class: 'scorecard-head' }, [
        h('h2', { text: card.heading, attrs: { id: 'scorecard-heading' } }),
        h('p', { class: 'meta', text: card.intro }),
        h('p', { class: 'scorecard-par', text: card.par }),
      ]),
      h('table', { class: 'scorecard-table', attrs: { 'aria-label': 'The scorecard' } }, [
        h('thead', {}, [h('tr', {}, [h('th', { text: 'Part', attrs: { scope: 'col' } }), h('th', { text: 'Weight', attrs: { scope: 'col' } }), h('th', { text: 'What it measures, and its target', attrs: { scope: 'col' } })])]),
        h('tbody', {}, card.rows.map((r) => h('tr', { class: r.counts ? '' : 'not-counted' }, [h('th', { text: r.name, attrs: { scope: 'row' } }), h('td', { class: 'weight', text: r.weight }), h('td', { text: r.measure })]))),
      ]),
    ]));
    const tourDone = context.storage.getItem(TOUR_DONE_KEY) === 'yes';
    const tour = h('input', { attrs: { type: 'checkbox', id: 'tour-choice' } });
    tour.checked = !tourDone;
    const footer = h('div', { class: 'footer-actions' }, [
      h('label', { class: 'check', attrs: { for: 'tour-choice' } }, [tour, ' Guide me through the first quarter']),
      button('Start the first quarter', () => {
        context.wantsTour = tour.checked;
        context.session.bus.emit('flow', { type: 'START' });
      }, 'primary'),
    ]);
    this.place(40, 650, WIDTH - 80, 64, footer);
  }

  /** With people: who leads the side and what their bonus is paid on, from the first screen. */
  private leadLine(side: Side): HTMLElement | null {
    const scenario = this.snapshot().context.scenario;
    const person = scenario.people?.[side];
    if (!person) return null;
    return h('p', { class: 'lead-line', attrs: { title: `${person.name}, ${person.role}, is paid a bonus on ${planText(scenario, side)}.` } }, [
      portrait(person.portrait, 'neutral', 26),
      h('span', { text: `${person.name}’s bonus: ${planText(scenario, side, MEASURE_SHORT)}` }),
    ]);
  }
}
