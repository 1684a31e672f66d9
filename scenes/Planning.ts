// The planning screen: the quarter's effort split between marketing (left, blue) and sales
// (right, orange), with joint work, the firm's figures and the model's projection between them.
// Controls are DOM (sliders, steppers, target pickers); budget bar, meters and icons are Phaser.
// The scene holds only UI state (which target a picker shows); the draft lives in the actor.
import Phaser from 'phaser';
import { MOVE_HELP } from '../src/app/help';
import { MOVE_LABEL, refusalText } from '../src/app/move-text';
import { formatMoney, formatNumber, formatPercent, formatPrice, formatSignedMoney } from '../src/app/format';
import { canUndo, draftMove, lastRecord, remainingBudget, type GameFlowContext, type GameFlowEvent, type GameFlowSnapshot } from '../src/flow/index';
import {
  MARKETING_MOVES,
  MOVE_INFO,
  PRICE_MAX_SHARE,
  PRICE_MIN_SHARE,
  SALES_MOVES,
  projectQuarter,
  type MoveKind,
  type QuarterRecord,
} from '../src/sim/index';
import { BaseScene } from './base';
import { TOUR_DONE_KEY, app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, TWEEN_MS, WIDTH } from './theme';
import { announce, button, focusSoon, h } from './ui/dom';
import { drawMeter, drawPanel, type Rect } from './ui/draw';

const TOP = 88;
const COLUMN_H = 620;
const MARKETING: Rect = { x: 16, y: TOP, w: 440, h: COLUMN_H };
const CENTRE: Rect = { x: 472, y: TOP, w: 336, h: COLUMN_H };
const SALES: Rect = { x: 824, y: TOP, w: 440, h: COLUMN_H };
const BUDGET_BAR: Rect = { x: 340, y: 50, w: 480, h: 16 };
const MOVE_ROW_H = 52;
const MOVES_TOP = 50;
const TABLE_TOP = MOVES_TOP + 6 * MOVE_ROW_H + 10;
const TABLE_ROW_H = 30;
const ACCOUNT_ROW_H = 26;
const ACCOUNTS_PER_COLUMN = 7;
const ACCOUNTS_PER_PAGE = ACCOUNTS_PER_COLUMN * 2;

interface MoveRow {
  kind: MoveKind;
  slider: HTMLInputElement;
  output: HTMLOutputElement;
  less: HTMLButtonElement;
  more: HTMLButtonElement;
  target: HTMLSelectElement | null;
  price: HTMLSelectElement | null;
  /** The targets the picker offers: id and name. */
  targets: { id: string; name: string }[];
}

interface TourStep {
  rect: Rect;
  /** Which panel (header, marketing, centre, sales) stays lit. */
  panel: number;
  title: string;
  text: string;
}

export class Planning extends BaseScene {
  private rows: MoveRow[] = [];
  private dynamic!: Phaser.GameObjects.Graphics;
  private budgetText!: HTMLElement;
  private undoButton!: HTMLButtonElement;
  private status!: HTMLElement;
  private firmFigures!: HTMLElement;
  private projection!: HTMLElement;
  private productRows: { id: string; el: HTMLElement }[] = [];
  private accountList!: HTMLElement;
  private accountPager!: HTMLElement;
  private accountPage = 0;
  private panels: HTMLElement[] = [];
  private lastRejection: string | null = null;
  /** The game state the firm, product and account lists show: a move changes only the draft, so they stay. */
  private shownGame: GameFlowContext['game'] | null = null;

  constructor() {
    super(SCENES.planning);
  }

  create(): void {
    const g = this.begin();
    this.rows = [];
    this.productRows = [];
    this.panels = [];
    this.accountPage = 0;
    this.lastRejection = null;
    this.shownGame = null;
    const context = this.snapshot().context;
    const { scenario, game } = context;

    drawPanel(g, MARKETING, COLOURS.marketingTint, COLOURS.marketing);
    drawPanel(g, CENTRE, COLOURS.panel, COLOURS.joint);
    drawPanel(g, SALES, COLOURS.salesTint, COLOURS.sales);
    this.add.image(MARKETING.x + 30, MARKETING.y + 32, ICONS.marketing).setScale(0.6);
    this.add.image(SALES.x + 30, SALES.y + 32, ICONS.sales).setScale(0.6);
    // Meters and the budget bar change with every edit: one drawing over the backdrop, repainted.
    this.dynamic = this.make.graphics({}, false);
    this.backdrop.addOver(this.dynamic);

    // ----- Header: quarter, budget, help / undo / commit. Built first: it comes first in Tab order.
    this.budgetText = h('p', { class: 'budget-text', attrs: { 'aria-live': 'polite' } });
    this.undoButton = button('Undo', () => this.send({ type: 'UNDO' }), 'secondary', 'Undo the last change');
    const header = h('header', { class: 'planning-header' }, [
      h('div', { class: 'quarter-title' }, [
        this.heading('h1', `Quarter ${game.quarter} of ${scenario.quarters}`),
        h('p', { class: 'meta', text: scenario.firm.name }),
      ]),
      h('div', { class: 'budget' }, [this.budgetText]),
      h('div', { class: 'header-actions' }, [
        button('Help', () => this.openHelp(), 'ghost', 'Help: what every move does'),
        this.undoButton,
        button(`Commit quarter ${game.quarter}`, () => this.send({ type: 'COMMIT' }), 'primary'),
      ]),
    ]);
    this.panels.push(header);
    this.place(16, 8, WIDTH - 32, 72, header);

    // ----- Marketing side.
    const products = game.products.filter((p) => p.active).map((p) => ({ id: p.id, name: this.productName(p.id) }));
    const accounts = game.accounts.filter((a) => a.active).map((a) => ({ id: a.id, name: a.name }));
    const marketing = h('section', { class: 'side marketing', attrs: { 'aria-labelledby': 'marketing-heading' } }, [
      h('div', { class: 'side-head' }, [
        h('h2', { text: 'Marketing', attrs: { id: 'marketing-heading' } }),
        h('p', { class: 'meta', text: 'product lines · the long run' }),
      ]),
      h('div', { class: 'moves' }, MARKETING_MOVES.filter((k) => scenario.moves[k].enabled).map((k) => this.moveRow(k, products))),
      h('h3', { class: 'table-title', text: 'Product lines: last quarter’s P&L and goodwill' }),
      h('div', { class: 'product-table', attrs: { role: 'table', 'aria-label': 'Product lines' } }, [
        h('div', { class: 'trow thead', attrs: { role: 'row' } }, ['Line', 'Revenue', 'Profit', 'Goodwill'].map((t) => h('span', { text: t, attrs: { role: 'columnheader' } }))),
        ...game.products.map((p) => {
          const el = h('div', { class: 'trow', attrs: { role: 'row' } });
          this.productRows.push({ id: p.id, el });
          return el;
        }),
      ]),
    ]);
    this.panels.push(marketing);
    this.place(MARKETING.x + 12, MARKETING.y + 10, MARKETING.w - 24, MARKETING.h - 16, marketing);

    // ----- Centre: the firm, joint work, the projection.
    this.firmFigures = h('dl', { class: 'figures' });
    this.projection = h('dl', { class: 'figures projection-figures' });
    this.status = h('p', { class: 'status', attrs: { role: 'status' } });
    const jointMoves = (['alignment'] as const).filter((k) => scenario.moves[k].enabled);
    const centre = h('section', { class: 'side centre', attrs: { 'aria-label': 'The firm and the projection' } }, [
      h('h2', { text: 'The firm' }),
      this.firmFigures,
      h('div', { class: 'moves joint' }, jointMoves.map((k) => this.moveRow(k, []))),
      h('h2', { text: 'Commit this and expect…' }),
      h('p', { class: 'meta', text: 'The model’s own forecast with average luck.' }),
      this.projection,
      this.status,
    ]);
    this.panels.push(centre);
    this.place(CENTRE.x + 12, CENTRE.y + 10, CENTRE.w - 24, CENTRE.h - 16, centre);

    // ----- Sales side.
    this.accountList = h('div', { class: 'account-list', attrs: { role: 'list', 'aria-label': 'Accounts and their relationships' } });
    this.accountPager = h('div', { class: 'pager' });
    const sales = h('section', { class: 'side sales', attrs: { 'aria-labelledby': 'sales-heading' } }, [
      h('div', { class: 'side-head' }, [
        h('h2', { text: 'Sales', attrs: { id: 'sales-heading' } }),
        h('p', { class: 'meta', text: 'people and accounts · the short run' }),
      ]),
      h('div', { class: 'moves' }, SALES_MOVES.filter((k) => scenario.moves[k].enabled).map((k) => this.moveRow(k, accounts))),
      h('h3', { class: 'table-title', text: 'Accounts: relationship (★ key account)' }),
      this.accountList,
      this.accountPager,
    ]);
    this.panels.push(sales);
    this.place(SALES.x + 12, SALES.y + 10, SALES.w - 24, SALES.h - 16, sales);

    const bus = app().session.bus;
    this.onCleanup(bus.on('snapshot', (snapshot) => this.redraw(snapshot)));
    this.redraw(this.snapshot());

    this.cameras.main.fadeIn(TWEEN_MS, 244, 241, 234);
    if (app().wantsTour && game.quarter === 1) this.startTour();
  }

  private send(event: GameFlowEvent): void {
    app().session.bus.emit('flow', event);
  }

  private productName(id: string): string {
    return this.snapshot().context.scenario.products.find((p) => p.id === id)?.name ?? id;
  }

  // ---------------------------------------------------------------------------------------
  // One move: label, target picker (product or account), − slider +, points.

  private moveRow(kind: MoveKind, targets: { id: string; name: string }[]): HTMLElement {
    const info = MOVE_INFO[kind];
    const label = MOVE_LABEL[kind];
    const context = this.snapshot().context;
    const id = `move-${kind}`;
    const slider = h('input', {
      attrs: { id, type: 'range', min: '0', max: String(context.scenario.effortBudget), step: '1', value: '0', 'aria-label': `${label}, effort points` },
    });
    const output = h('output', { class: 'move-points', attrs: { for: id, 'aria-hidden': 'true' } });
    const less = button('−', () => this.step(row, -1), info.side === 'joint' ? 'joint' : info.side, `One point less: ${label}`);
    const more = button('+', () => this.step(row, 1), info.side === 'joint' ? 'joint' : info.side, `One point more: ${label}`);
    less.classList.add('stepper');
    more.classList.add('stepper');
    let target: HTMLSelectElement | null = null;
    if (info.target !== 'none') {
      target = h('select', { attrs: { 'aria-label': `${label}: ${info.target === 'product' ? 'product line' : 'account'}` } });
      // Start on the first target that already has points (after a reload), else the first.
      const planned = targets.find((t) => draftMove(context, { kind, target: t.id }));
      for (const t of targets) target.append(h('option', { text: t.name, attrs: { value: t.id } }));
      if (planned) target.value = planned.id;
      target.addEventListener('change', () => this.redraw(this.snapshot()));
    }
    let price: HTMLSelectElement | null = null;
    if (kind === 'price') {
      price = h('select', { class: 'price-select', attrs: { 'aria-label': 'New price' } });
      target!.addEventListener('change', () => this.fillPrices(row));
    }
    const row: MoveRow = { kind, slider, output, less, more, target, price, targets };
    if (price) this.fillPrices(row);
    price?.addEventListener('change', () => {
      const current = this.currentPoints(row);
      if (current > 0) this.setPoints(row, current);
    });

    slider.addEventListener('input', () => {
      // The wall at the budget: the slider stops where the flow's remaining points run out.
      const allowed = this.currentPoints(row) + remainingBudget(this.snapshot().context);
      if (Number(slider.value) > allowed) slider.value = String(allowed);
      output.textContent = slider.value;
      this.fill(slider);
    });
    slider.addEventListener('change', () => this.setPoints(row, Number(slider.value)));
    this.rows.push(row);

    const help = MOVE_HELP[kind];
    const el = h('div', { class: `move-row ${info.side}`, attrs: { title: `${help.does} ${help.affects}` } }, [
      h('div', { class: 'move-top' }, [h('label', { class: 'move-label', text: label, attrs: { for: id } }), target, output]),
      h('div', { class: 'move-controls' }, [less, slider, more, price]),
    ]);
    return el;
  }

  /** The slider's track fills with its side's colour up to the thumb (CSS reads --fill). */
  private fill(slider: HTMLInputElement): void {
    slider.style.setProperty('--fill', `${(100 * Number(slider.value)) / Number(slider.max)}%`);
  }

  private fillPrices(row: MoveRow): void {
    if (!row.price || !row.target) return;
    const context = this.snapshot().context;
    const spec = context.scenario.products.find((p) => p.id === row.target!.value);
    const state = context.game.products.find((p) => p.id === row.target!.value);
    if (!spec || !state) return;
    const planned = draftMove(context, { kind: 'price', target: spec.id })?.price;
    row.price.replaceChildren();
    // Steps of 5% of the list price within the range the model accepts.
    for (let share = PRICE_MIN_SHARE; share <= PRICE_MAX_SHARE + 1e-9; share += 0.05) {
      const cents = Math.round(spec.price * share);
      row.price.append(h('option', { text: `${formatPrice(cents)} (${Math.round(share * 100)}%)`, attrs: { value: String(cents) } }));
    }
    const wanted = planned ?? state.price;
    const values = [...row.price.options].map((o) => Number(o.value));
    const nearest = values.reduce((best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best), values[0]!);
    row.price.value = String(nearest);
  }

  private slot(row: MoveRow): { kind: MoveKind; target?: string } {
    return row.target ? { kind: row.kind, target: row.target.value } : { kind: row.kind };
  }

  private currentPoints(row: MoveRow): number {
    return draftMove(this.snapshot().context, this.slot(row))?.points ?? 0;
  }

  private step(row: MoveRow, delta: number): void {
    this.setPoints(row, Math.max(0, this.currentPoints(row) + delta));
  }

  private setPoints(row: MoveRow, points: number): void {
    const slot = this.slot(row);
    const move = row.price ? { ...slot, points, price: Number(row.price.value) } : { ...slot, points };
    this.send({ type: 'SET_MOVE', move });
    // An unchanged draft sends no snapshot; put the slider back where the draft is.
    this.redraw(this.snapshot());
  }

  // ---------------------------------------------------------------------------------------

  private redraw(snapshot: GameFlowSnapshot): void {
    if (!snapshot.matches({ quarter: 'planning' })) return;
    const context = snapshot.context;
    const remaining = remainingBudget(context);
    for (const row of this.rows) {
      const points = draftMove(context, this.slot(row))?.points ?? 0;
      if (document.activeElement !== row.slider || row.slider.value !== String(points)) row.slider.value = String(points);
      const where = row.target ? ` on ${row.target.selectedOptions[0]?.text.replace(/ — .*$/, '') ?? ''}` : '';
      row.slider.setAttribute('aria-valuetext', `${points} points${where}`);
      this.fill(row.slider);
      row.output.textContent = String(points);
      row.less.disabled = points === 0;
      row.more.disabled = remaining === 0;
      if (row.target) {
        [...row.target.options].forEach((option, i) => {
          const t = row.targets[i]!;
          const p = draftMove(context, { kind: row.kind, target: t.id })?.points ?? 0;
          option.text = p > 0 ? `${t.name} — ${p}` : t.name;
        });
      }
    }
    this.undoButton.disabled = !canUndo(context);
    const split = this.split(context);
    this.budgetText.textContent = `Effort left: ${remaining} of ${context.scenario.effortBudget} · marketing ${split.marketing}, sales ${split.sales}, joint ${split.joint}`;
    const rejection = context.rejection ? refusalText(context.rejection) : null;
    if (rejection && rejection !== this.lastRejection) announce(rejection);
    this.lastRejection = rejection;
    this.status.textContent = rejection ?? '';
    // Rebuilt only when the game state changed (every move rebuilt them: a good part of a move's
    // time in the page, and their relayout came on top).
    if (context.game !== this.shownGame) {
      this.drawFirm(context);
      this.drawProducts(context);
      this.drawAccounts(context);
      this.shownGame = context.game;
    }
    this.drawProjection(context);
    this.drawDynamic(context, split);
  }

  private split(context: GameFlowContext): { marketing: number; sales: number; joint: number } {
    const split = { marketing: 0, sales: 0, joint: 0 };
    for (const move of context.draft) split[MOVE_INFO[move.kind].side] += move.points;
    return split;
  }

  private figure(list: HTMLElement, rows: [string, string, string?][]): void {
    list.replaceChildren(
      ...rows.flatMap(([term, value, note]) => [
        h('dt', { text: term }),
        h('dd', {}, [value, note ? h('span', { class: note.startsWith('−') ? 'delta down' : 'delta up', text: ` ${note}` }) : null]),
      ]),
    );
  }

  private drawFirm(context: GameFlowContext): void {
    const game = context.game;
    this.figure(this.firmFigures, [
      ['Cash', formatMoney(game.cash)],
      ['Leads', formatNumber(game.leads, 1)],
      ['Active accounts', String(game.accounts.filter((a) => a.active).length)],
      ['Collaboration', formatPercent(game.collaboration)],
    ]);
  }

  private drawProjection(context: GameFlowContext): void {
    let projected: QuarterRecord;
    try {
      projected = projectQuarter(context.scenario, context.game, { moves: context.draft });
    } catch {
      this.projection.replaceChildren(h('p', { text: 'No forecast: the plan is not valid.' }));
      return;
    }
    const last = lastRecord(context);
    const delta = (now: number, before: number | undefined) => (before === undefined ? undefined : formatSignedMoney(now - before));
    this.figure(this.projection, [
      ['Revenue', formatMoney(projected.revenue), delta(projected.revenue, last?.revenue)],
      ['Profit', formatMoney(projected.profit), delta(projected.profit, last?.profit)],
      ['Cash after', formatMoney(projected.cash)],
      ['New accounts', String(projected.newAccounts.length)],
      ['Customer equity', formatMoney(projected.customerEquity), delta(projected.customerEquity, last?.customerEquity)],
      ['Collaboration', formatPercent(projected.collaboration)],
    ]);
  }

  private drawProducts(context: GameFlowContext): void {
    const last = lastRecord(context);
    for (const { id, el } of this.productRows) {
      const state = context.game.products.find((p) => p.id === id)!;
      const ledger = last?.products.find((l) => l.product === id);
      el.classList.toggle('inactive', !state.active);
      el.replaceChildren(
        h('span', { attrs: { role: 'cell' }, text: this.productName(id) + (state.active ? '' : ' (dropped)') }),
        h('span', { attrs: { role: 'cell' }, text: ledger ? formatMoney(ledger.revenue) : '—' }),
        h('span', { attrs: { role: 'cell' }, class: ledger && ledger.profit < 0 ? 'neg' : '', text: ledger ? formatMoney(ledger.profit) : '—' }),
        h('span', { attrs: { role: 'cell' }, class: 'meter-cell', text: formatPercent(state.goodwill) }),
      );
    }
  }

  private drawAccounts(context: GameFlowContext): void {
    const accounts = context.game.accounts.filter((a) => a.active);
    const pages = Math.max(1, Math.ceil(accounts.length / ACCOUNTS_PER_PAGE));
    this.accountPage = Math.min(this.accountPage, pages - 1);
    const shown = accounts.slice(this.accountPage * ACCOUNTS_PER_PAGE, (this.accountPage + 1) * ACCOUNTS_PER_PAGE);
    this.accountList.replaceChildren(
      ...shown.map((a) =>
        h('div', { class: 'account', attrs: { role: 'listitem' } }, [
          h('span', { class: 'account-name', text: `${a.key ? '★ ' : ''}${a.name}` }),
          h('span', { class: 'account-value', text: formatPercent(a.relationship), attrs: { 'aria-label': `relationship ${formatPercent(a.relationship)}` } }),
        ]),
      ),
    );
    if (pages > 1 && this.accountPager.childElementCount === 0) {
      const label = h('span', { class: 'meta' });
      const prev = button('Previous accounts', () => this.turnPage(-1), 'ghost');
      const next = button('More accounts', () => this.turnPage(1), 'ghost');
      this.accountPager.append(prev, label, next);
    }
    const [prev, label, next] = [...this.accountPager.children] as HTMLElement[];
    if (label) label.textContent = `${this.accountPage * ACCOUNTS_PER_PAGE + 1}–${this.accountPage * ACCOUNTS_PER_PAGE + shown.length} of ${accounts.length}`;
    if (prev) (prev as HTMLButtonElement).disabled = this.accountPage === 0;
    if (next) (next as HTMLButtonElement).disabled = this.accountPage >= pages - 1;
  }

  private turnPage(delta: number): void {
    this.accountPage += delta;
    this.drawAccounts(this.snapshot().context);
    this.redraw(this.snapshot());
  }

  /** The Phaser half: budget bar split by side, goodwill, collaboration and relationship meters. */
  private drawDynamic(context: GameFlowContext, split: { marketing: number; sales: number; joint: number }): void {
    const g = this.dynamic;
    g.clear();
    const budget = context.scenario.effortBudget;
    const bar = BUDGET_BAR;
    g.fillStyle(COLOURS.line, 1);
    g.fillRoundedRect(bar.x, bar.y, bar.w, bar.h, 8);
    let x = bar.x;
    for (const [side, colour] of [['marketing', COLOURS.marketing], ['joint', COLOURS.joint], ['sales', COLOURS.sales]] as const) {
      const w = (bar.w * split[side]) / budget;
      if (w <= 0) continue;
      g.fillStyle(colour, 1);
      g.fillRect(x, bar.y, w, bar.h);
      x += w;
    }
    g.lineStyle(2, COLOURS.ink, 0.4);
    g.strokeRoundedRect(bar.x, bar.y, bar.w, bar.h, 8);

    // Goodwill meters in the product table (same row geometry as the DOM table).
    const tableY = MARKETING.y + 10 + TABLE_TOP + 24 + TABLE_ROW_H;
    context.game.products.forEach((p, i) => {
      drawMeter(g, { x: MARKETING.x + 12 + 312, y: tableY + i * TABLE_ROW_H + 10, w: 64, h: 10 }, p.goodwill, p.active ? COLOURS.marketing : COLOURS.muted);
    });
    // Collaboration meter under the firm's figures.
    drawMeter(g, { x: CENTRE.x + 24, y: CENTRE.y + 131, w: CENTRE.w - 48, h: 8 }, context.game.collaboration, COLOURS.joint);
    // Relationship meters beside each account shown.
    const accounts = context.game.accounts.filter((a) => a.active).slice(this.accountPage * ACCOUNTS_PER_PAGE, (this.accountPage + 1) * ACCOUNTS_PER_PAGE);
    const listY = SALES.y + 10 + TABLE_TOP + 24;
    accounts.forEach((a, i) => {
      const column = Math.floor(i / ACCOUNTS_PER_COLUMN);
      const rowY = listY + (i % ACCOUNTS_PER_COLUMN) * ACCOUNT_ROW_H;
      drawMeter(g, { x: SALES.x + 12 + column * 208 + 120, y: rowY + 9, w: 44, h: 9 }, a.relationship, COLOURS.salesDeep);
    });
  }

  // ---------------------------------------------------------------------------------------
  // Help and the guided first quarter.

  private setBackgroundInert(inert: boolean): void {
    for (const panel of this.panels) panel.inert = inert;
  }

  private openHelp(): void {
    const opener = document.activeElement as HTMLElement | null;
    const groups = (['marketing', 'sales', 'joint'] as const).map((side) =>
      h('section', { class: `help-group ${side}` }, [
        h('h3', { text: side === 'marketing' ? 'Marketing moves (product lines, long run)' : side === 'sales' ? 'Sales moves (people and accounts, short run)' : 'Joint work' }),
        h('dl', {}, (Object.keys(MOVE_INFO) as MoveKind[]).filter((k) => MOVE_INFO[k].side === side).flatMap((k) => [
          h('dt', { text: MOVE_LABEL[k] }),
          h('dd', { text: `${MOVE_HELP[k].does} ${MOVE_HELP[k].affects}` }),
        ])),
      ]),
    );
    let dialog: Phaser.GameObjects.DOMElement | null = null;
    const close = () => {
      this.setBackgroundInert(false);
      dialog?.destroy();
      opener?.focus();
    };
    const closeButton = button('Close help', close, 'primary');
    const panel = h('div', { class: 'dialog help', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { text: 'What every move does', attrs: { id: 'help-title' } }), closeButton]),
      h('p', { text: 'Spend up to the quarter’s effort points. Effects follow the model: marketing builds stocks that decay slowly; sales effort pays now and fades.' }),
      h('div', { class: 'help-body' }, groups),
    ]);
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    this.setBackgroundInert(true);
    dialog = this.place(0, 0, WIDTH, 720, h('div', { class: 'backdrop' }, [panel])).setDepth(10);
    focusSoon(closeButton);
  }

  private startTour(): void {
    const steps: TourStep[] = [
      { panel: 0, rect: { x: 330, y: 8, w: 500, h: 72 }, title: 'Your effort budget', text: 'Each quarter you have a fixed number of effort points. The bar fills blue for marketing, orange for sales and green for joint work; what is left stays grey.' },
      { panel: 1, rect: { x: MARKETING.x, y: MARKETING.y, w: MARKETING.w, h: TABLE_TOP + 12 }, title: 'Marketing moves', text: 'Product-line work. Pick the line in the menu, then drag the slider or use − and + (arrow keys work too). Marketing pays slowly and lasts.' },
      { panel: 1, rect: { x: MARKETING.x, y: MARKETING.y + TABLE_TOP, w: MARKETING.w, h: MARKETING.h - TABLE_TOP }, title: 'Product lines', text: 'Last quarter’s revenue and profit per line, and each line’s goodwill: the stock campaigns build and time wears down.' },
      { panel: 3, rect: { x: SALES.x, y: SALES.y, w: SALES.w, h: TABLE_TOP + 12 }, title: 'Sales moves', text: 'People and accounts. Choose the account for servicing, relationship calls and referrals. Sales effort pays this quarter and fades when it stops.' },
      { panel: 3, rect: { x: SALES.x, y: SALES.y + TABLE_TOP, w: SALES.w, h: SALES.h - TABLE_TOP }, title: 'Accounts', text: 'Each account’s relationship. Key accounts carry a star; an account that slips too far may leave.' },
      { panel: 2, rect: { x: CENTRE.x, y: CENTRE.y, w: CENTRE.w, h: 250 }, title: 'The firm and joint work', text: 'Cash, leads, accounts and collaboration. Alignment meetings bring the two leads together; collaboration makes leads convert better.' },
      { panel: 2, rect: { x: CENTRE.x, y: CENTRE.y + 250, w: CENTRE.w, h: CENTRE.h - 250 }, title: 'The forecast', text: 'The model’s own forecast of this plan with average luck. It changes as you move points.' },
      { panel: 0, rect: { x: 830, y: 8, w: 434, h: 72 }, title: 'Help, Undo and Commit', text: 'Help explains every move. Undo steps back through this quarter’s changes. Commit plays the quarter.' },
    ];
    const frame = this.add.graphics().setDepth(5);
    let index = 0;
    const title = h('h2', { attrs: { id: 'tour-title' } });
    const text = h('p');
    const counter = h('p', { class: 'meta' });
    const next = button('Next', () => show(index + 1), 'primary');
    const skip = button('Skip the tour', () => finish(), 'ghost');
    const panel = h('div', { class: 'dialog tour', attrs: { role: 'dialog', 'aria-labelledby': 'tour-title' } }, [counter, title, text, h('div', { class: 'dialog-actions' }, [skip, next])]);
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') finish();
    });
    const dialog = this.place(0, 0, 360, 210, panel).setDepth(10);
    this.setBackgroundInert(true);
    const finish = () => {
      app().storage.setItem(TOUR_DONE_KEY, 'yes');
      app().wantsTour = false;
      frame.destroy();
      dialog.destroy();
      for (const panel of this.panels) panel.classList.remove('tour-dim');
      this.setBackgroundInert(false);
      focusSoon(this.rows[0]?.slider ?? document.body);
    };
    const show = (i: number) => {
      if (i >= steps.length) return finish();
      index = i;
      const step = steps[i]!;
      this.panels.forEach((panel, p) => panel.classList.toggle('tour-dim', p !== step.panel));
      frame.clear();
      frame.fillStyle(COLOURS.ink, 0.35);
      // Dim everything but the part explained.
      frame.fillRect(0, 0, WIDTH, step.rect.y);
      frame.fillRect(0, step.rect.y + step.rect.h, WIDTH, 720);
      frame.fillRect(0, step.rect.y, step.rect.x, step.rect.h);
      frame.fillRect(step.rect.x + step.rect.w, step.rect.y, WIDTH, step.rect.h);
      frame.lineStyle(4, COLOURS.purple, 1);
      frame.strokeRoundedRect(step.rect.x - 2, step.rect.y - 2, step.rect.w + 4, step.rect.h + 4, 12);
      counter.textContent = `Guided first quarter: ${i + 1} of ${steps.length}`;
      title.textContent = step.title;
      text.textContent = step.text;
      next.textContent = i === steps.length - 1 ? 'Start planning' : 'Next';
      // Beside the highlighted part, on whichever side has room.
      const right = step.rect.x + step.rect.w + 16;
      const x = right + 360 <= WIDTH ? right : step.rect.x - 376 >= 0 ? step.rect.x - 376 : (WIDTH - 360) / 2;
      const y = Math.min(720 - 220, Math.max(90, step.rect.y + (step.rect.x === x ? step.rect.h + 10 : 0)));
      dialog.setPosition(x, step.rect.w > 900 ? 200 : y);
      focusSoon(next);
    };
    show(0);
  }
}
