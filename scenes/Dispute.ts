// The discontinuation dispute, as far as the flow has it today: marketing's case with the
// product line's P&L (left, blue), sales' case with the account's figures (right, orange), and
// one button per option the model offers. The staged dispute (hearing, investigation) is a
// later issue; this scene only reads the snapshot and sends DECIDE_DISPUTE.
import { formatMoney, formatPercent } from '../src/app/format';
import { DISPUTE_OPTIONS, type DisputeOption } from '../src/sim/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, WIDTH } from './theme';
import { button, h } from './ui/dom';
import { drawPanel, drawSignedBars } from './ui/draw';

export class Dispute extends BaseScene {
  constructor() {
    super(SCENES.dispute);
  }

  create(): void {
    const g = this.begin();
    const { scenario, game } = this.snapshot().context;
    const dispute = game.dispute!;
    const spec = scenario.dispute;
    const product = scenario.products.find((p) => p.id === dispute.product)!;
    const account = game.accounts.find((a) => a.id === dispute.account);

    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', `Dispute: drop the ${product.name}?`), h('p', { class: 'meta', text: `Opened in quarter ${dispute.openedInQuarter}. Hear both sides, then decide.` })]),
    ]));
    const left = { x: 16, y: 92, w: 616, h: 460 };
    const right = { x: 648, y: 92, w: 616, h: 460 };
    drawPanel(g, left, COLOURS.marketingTint, COLOURS.marketing);
    drawPanel(g, right, COLOURS.salesTint, COLOURS.sales);
    this.add.image(left.x + 40, left.y + 44, ICONS.marketing).setScale(0.8);
    this.add.image(right.x + 40, right.y + 44, ICONS.sales).setScale(0.8);

    const lineHistory = game.history.map((r) => ({ quarter: r.quarter, ledger: r.products.find((l) => l.product === product.id)! }));
    const last = lineHistory[lineHistory.length - 1]?.ledger;
    this.place(left.x + 84, left.y + 20, left.w - 104, left.h - 30, h('section', { class: 'side-text marketing', attrs: { 'aria-label': 'Marketing’s case' } }, [
      h('h2', { text: 'Marketing: discontinue it' }),
      h('blockquote', { text: spec?.marketingArgument ?? '' }),
      h('h3', { text: `${product.name}: last quarter` }),
      last
        ? h('dl', { class: 'figures' }, [
            h('dt', { text: 'Revenue' }), h('dd', { text: formatMoney(last.revenue) }),
            h('dt', { text: 'Variable costs' }), h('dd', { text: formatMoney(last.variableCost) }),
            h('dt', { text: 'Fixed costs' }), h('dd', { text: formatMoney(last.fixedCost) }),
            h('dt', { text: 'Profit' }), h('dd', { class: last.profit < 0 ? 'neg' : '', text: formatMoney(last.profit) }),
          ])
        : null,
      h('p', { class: 'meta', text: `Profit per quarter so far: ${lineHistory.map((r) => `Q${r.quarter} ${formatMoney(r.ledger.profit)}`).join(', ')}` }),
    ]));
    drawSignedBars(g, { x: left.x + 84, y: left.y + 330, w: left.w - 120, h: 100 }, lineHistory.map((r) => r.ledger.profit));

    const buys = account?.buys.map((b) => scenario.products.find((p) => p.id === b.product)?.name ?? b.product).join(', ') ?? '';
    this.place(right.x + 84, right.y + 20, right.w - 104, right.h - 30, h('section', { class: 'side-text sales', attrs: { 'aria-label': 'Sales’ case' } }, [
      h('h2', { text: 'Sales: keep it' }),
      h('blockquote', { text: spec?.salesArgument ?? '' }),
      h('h3', { text: `${account?.name ?? dispute.account}${account?.key ? ' (key account)' : ''}` }),
      account
        ? h('dl', { class: 'figures' }, [
            h('dt', { text: 'Relationship' }), h('dd', { text: formatPercent(account.relationship) }),
            h('dt', { text: 'Satisfaction' }), h('dd', { text: formatPercent(account.satisfaction) }),
            h('dt', { text: 'Buys' }), h('dd', { text: buys }),
            h('dt', { text: 'Still a customer' }), h('dd', { text: account.active ? 'yes' : 'no' }),
          ])
        : null,
    ]));

    const labels: Record<DisputeOption, string> = {
      discontinue: `Discontinue the ${product.name} now`,
      keep: `Keep the ${product.name}`,
    };
    const choices = h('div', { class: 'footer-actions dispute-actions', attrs: { role: 'group', 'aria-label': 'Your decision' } },
      DISPUTE_OPTIONS.map((option) =>
        button(labels[option] ?? option, () => app().session.bus.emit('flow', { type: 'DECIDE_DISPUTE', option }), option === 'discontinue' ? 'marketing' : 'sales'),
      ),
    );
    drawPanel(g, { x: 16, y: 568, w: WIDTH - 32, h: 140 });
    this.place(40, 576, WIDTH - 80, 124, h('div', { class: 'decision' }, [
      h('div', {}, [
        h('h2', { text: 'Your decision' }),
        h('p', { class: 'meta', text: 'How much the account’s loyalty hangs on this product is not known. The consequences unfold over the next quarters.' }),
      ]),
      choices,
    ]));
  }
}
