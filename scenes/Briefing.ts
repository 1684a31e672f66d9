// The briefing: the firm, its two sides and the situation, before the first quarter.
import { formatMoney } from '../src/app/format';
import { BaseScene } from './base';
import { TOUR_DONE_KEY, app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel } from './ui/draw';

export class Briefing extends BaseScene {
  constructor() {
    super(SCENES.briefing);
  }

  create(): void {
    const g = this.begin();
    const context = app();
    const { scenario, game } = this.snapshot().context;

    drawPanel(g, { x: 40, y: 100, w: WIDTH - 80, h: 190 });
    drawPanel(g, { x: 40, y: 310, w: 590, h: 220 }, COLOURS.marketingTint, COLOURS.marketing);
    drawPanel(g, { x: 650, y: 310, w: 590, h: 220 }, COLOURS.salesTint, COLOURS.sales);
    this.add.image(80, 360, ICONS.marketing).setScale(0.75);
    this.add.image(690, 360, ICONS.sales).setScale(0.75);

    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', `Briefing: ${scenario.title}`)]));
    this.place(64, 116, WIDTH - 128, 164, h('div', { class: 'briefing-text' }, [
      h('p', { text: scenario.briefing }),
      h('p', { class: 'meta', text: `${scenario.quarters} quarters · ${scenario.effortBudget} effort points each quarter · starting cash ${formatMoney(game.cash)} · overhead ${formatMoney(scenario.firm.overhead)} a quarter` }),
    ]));
    const products = scenario.products.map((p) => p.name).join(', ');
    const accounts = game.accounts.filter((a) => a.active);
    this.place(120, 324, 490, 196, h('section', { class: 'side-text marketing', attrs: { 'aria-label': 'Marketing' } }, [
      h('h2', { text: 'Marketing: the product lines' }),
      h('p', { text: `${scenario.products.length} lines: ${products}.` }),
      h('p', { text: 'Campaigns, research and improvements build goodwill and quality: slow to pay, and the payoff lasts.' }),
    ]));
    this.place(730, 324, 490, 196, h('section', { class: 'side-text sales', attrs: { 'aria-label': 'Sales' } }, [
      h('h2', { text: 'Sales: the people and accounts' }),
      h('p', { text: `${accounts.length} accounts, ${accounts.filter((a) => a.key).length} of them key: ${accounts.filter((a) => a.key).map((a) => a.name).join(', ')}.` }),
      h('p', { text: 'Calls, service and prospecting pay this quarter, and fade when they stop.' }),
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
    this.place(40, 560, WIDTH - 80, 64, footer);
  }
}
