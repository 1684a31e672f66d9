// The planning screen: the quarter's effort split between marketing (left, blue) and sales
// (right, orange), with joint work, the firm's figures and the forecast of the plan between them
// (played off the page's thread by the session's forecast client; drawn as it comes in).
// Controls are DOM (sliders, steppers, target pickers); budget bar, meters and icons are Phaser.
// What every part shows, and which controls are open, is src/app/planning-view.ts's; the scene
// holds only UI state (which target a picker shows, which page of accounts); the draft lives in
// the actor. Help and the guided first quarter are scenes/ui widgets.
import Phaser from 'phaser';
import { planningBanners, scoreSoFar } from '../src/app/goal-view';
import { forecastPanel, type ForecastRow } from '../src/app/forecast-view';
import { PLANNING_TOUR, TOUR_WORDS, type TourPart } from '../src/app/help';
import {
  accountPage,
  firmFigures,
  helpView,
  initialTarget,
  moveControls,
  planningView,
  pointsAllowed,
  priceChoices,
  productRows,
  unspentQuestion,
  type Figure,
  type MoveControl,
  type PlanSide,
} from '../src/app/planning-view';
import { relationshipChanges, type RelationshipChange } from '../src/app/relationship-change';
import { reservedEffort, type ReservedEffort } from '../src/app/reserved-effort';
import type { TargetChips } from '../src/app/target-chips';
import type { UsefulCap } from '../src/app/useful-cap';
import { draftMove, remainingBudget, type GameFlowContext, type GameFlowEvent, type GameFlowSnapshot } from '../src/flow/index';
import type { MoveKind, Side } from '../src/sim/index';
import { leadCards, type LeadCard } from '../src/app/lead-view';
import { BaseScene } from './base';
import { TOUR_DONE_KEY, app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, MEANING, TWEEN_MS, WIDTH } from './theme';
import { banner } from './ui/banner';
import { announce, button, focusSoon, h } from './ui/dom';
import { drawMeter, drawPanel, type Rect } from './ui/draw';
import { openHelpDialog } from './ui/help-dialog';
import { bonusMeter, openLeadsDialog } from './ui/leads-dialog';
import { portrait } from './ui/portrait';
import { startTour } from './ui/tour';

const TOP = 88;
const COLUMN_H = 620;
const MARKETING: Rect = { x: 16, y: TOP, w: 440, h: COLUMN_H };
const CENTRE: Rect = { x: 472, y: TOP, w: 336, h: COLUMN_H };
const SALES: Rect = { x: 824, y: TOP, w: 440, h: COLUMN_H };
const BUDGET_BAR: Rect = { x: 340, y: 50, w: 480, h: 16 };
const MOVE_ROW_H = 52;
/** Where the moves start in a side's section: under its heading (.side-head, 40px). */
const MOVES_TOP = 40;
const TABLE_TOP = MOVES_TOP + 6 * MOVE_ROW_H + 10;
const TABLE_ROW_H = 30;
const ACCOUNT_ROW_H = 24;
const ACCOUNTS_PER_COLUMN = 7;
const ACCOUNTS_PER_PAGE = ACCOUNTS_PER_COLUMN * 2;
/** The foot of the centre column: why an edit was refused, and last quarter's events as banners. */
const CENTRE_FOOT: Rect = { x: CENTRE.x + 12, y: 618, w: CENTRE.w - 24, h: CENTRE.y + CENTRE.h - 8 - 618 };

/** Where each part the guided first quarter explains is on screen, and which panel stays lit (header, marketing, centre, sales). */
const TOUR_PLACES: Record<TourPart, { panel: number; rect: Rect }> = {
  budget: { panel: 0, rect: { x: 330, y: 8, w: 500, h: 72 } },
  'marketing-moves': { panel: 1, rect: { x: MARKETING.x, y: MARKETING.y, w: MARKETING.w, h: TABLE_TOP + 12 } },
  'product-lines': { panel: 1, rect: { x: MARKETING.x, y: MARKETING.y + TABLE_TOP, w: MARKETING.w, h: MARKETING.h - TABLE_TOP } },
  'sales-moves': { panel: 3, rect: { x: SALES.x, y: SALES.y, w: SALES.w, h: TABLE_TOP + 12 } },
  accounts: { panel: 3, rect: { x: SALES.x, y: SALES.y + TABLE_TOP, w: SALES.w, h: SALES.h - TABLE_TOP } },
  firm: { panel: 2, rect: { x: CENTRE.x, y: CENTRE.y, w: CENTRE.w, h: 160 } },
  forecast: { panel: 2, rect: { x: CENTRE.x, y: CENTRE.y + 160, w: CENTRE.w, h: CENTRE.h - 160 } },
  actions: { panel: 0, rect: { x: 830, y: 8, w: 434, h: 72 } },
};

interface MoveRow {
  control: MoveControl;
  slider: HTMLInputElement;
  output: HTMLOutputElement;
  less: HTMLButtonElement;
  more: HTMLButtonElement;
  target: HTMLSelectElement | null;
  price: HTMLSelectElement | null;
  /** Every target the move has points on, when the picker shows only one of them. */
  chips: HTMLElement;
  /** What the market still holds, for the moves that win accounts. */
  note: HTMLElement;
  /** The slider and, on the stretch of track past where more points do nothing, why. */
  track: HTMLElement;
  capNote: HTMLElement;
  /** The sentence behind capNote, for the slider's description and for a drag that runs into the stop. */
  capText: HTMLElement;
}

export class Planning extends BaseScene {
  private rows: MoveRow[] = [];
  private dynamic!: Phaser.GameObjects.Graphics;
  private budgetText!: HTMLElement;
  /** Under the budget bar: the points the dispute holds back this quarter, and why. */
  private reservedText!: HTMLElement;
  private reserved: ReservedEffort | null = null;
  private undoButton!: HTMLButtonElement;
  private commitButton!: HTMLButtonElement;
  /** The question Commit asks with effort unspent, while it is open. */
  private confirmBar: Phaser.GameObjects.DOMElement | null = null;
  private status!: HTMLElement;
  private firmFigures!: HTMLElement;
  private forecast!: HTMLElement;
  /** The forecast panel's parts, and the words each was last built from. */
  private forecastParts: { assumption: HTMLElement; table: HTMLElement; status: HTMLElement; effects: HTMLElement; drawn: { table: string; effects: string } } | null = null;
  private productRows: HTMLElement[] = [];
  private accountList!: HTMLElement;
  /** Under the account list: why one account's relationship moved (the biggest change, or the one pointed at). */
  private accountWhy!: HTMLElement;
  private accountPager!: HTMLElement;
  /** Why each account's relationship moved last quarter: replayed once per game state, not per edit. */
  private changes: Map<string, RelationshipChange> = new Map();
  private accountPage = 0;
  private panels: HTMLElement[] = [];
  private lastRejection: string | null = null;
  /** The game state the firm, product and account lists show: a move changes only the draft, so they stay. */
  private shownGame: GameFlowContext['game'] | null = null;
  /** The leads' cards (a scenario with people), redrawn with the plan; null without people. */
  private leads: LeadCard[] | null = null;
  private chips: Map<Side, { chip: HTMLButtonElement; ask: HTMLElement; state: HTMLElement; meter: HTMLElement }> = new Map();

  constructor() {
    super(SCENES.planning);
  }

  create(): void {
    const g = this.begin();
    this.rows = [];
    this.confirmBar = null;
    this.forecastParts = null;
    this.productRows = [];
    this.panels = [];
    this.accountPage = 0;
    this.lastRejection = null;
    this.shownGame = null;
    this.changes = new Map();
    const context = this.snapshot().context;
    const { scenario, game } = context;
    const controls = moveControls(scenario, game);
    this.leads = leadCards(scenario, game, context.draft);
    this.chips = new Map();

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
    this.commitButton = button(`Commit quarter ${game.quarter}`, () => this.commit(), 'primary');
    // Ctrl+Z (Cmd+Z) undoes the last change, as in any editor; not while typing in a field.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      const active = document.activeElement;
      if (active instanceof HTMLInputElement && active.type === 'text') return;
      event.preventDefault();
      this.send({ type: 'UNDO' });
    };
    document.addEventListener('keydown', onKey);
    this.onCleanup(() => document.removeEventListener('keydown', onKey));
    const header = h('header', { class: 'planning-header' }, [
      h('div', { class: 'quarter-title' }, [
        this.heading('h1', `Quarter ${game.quarter} of ${scenario.quarters}`),
        h('p', { class: 'meta', text: scenario.firm.name }),
      ]),
      h('div', { class: 'budget' }, [this.budgetText]),
      h('div', { class: 'header-actions' }, [
        button('Help', () => openHelpDialog(this, helpView(), this.panels), 'ghost', 'Help: what every move does'),
        this.undoButton,
        this.commitButton,
      ]),
    ]);
    this.panels.push(header);
    this.place(16, 8, WIDTH - 32, 72, header);
    this.reserved = reservedEffort(scenario, game);
    this.reservedText = h('p', { class: 'budget-reserved' }, [h('span', { class: 'reserved-swatch', attrs: { 'aria-hidden': 'true' } }), this.reserved?.text ?? '']);
    this.reservedText.hidden = this.reserved === null;
    this.place(BUDGET_BAR.x, BUDGET_BAR.y + BUDGET_BAR.h + 1, BUDGET_BAR.w, 13, this.reservedText);

    // ----- Marketing side.
    const marketing = h('section', { class: 'side marketing', attrs: { 'aria-labelledby': 'marketing-heading' } }, [
      h('div', { class: this.leads ? 'side-head with-lead' : 'side-head' }, [
        h('h2', { text: 'Marketing', attrs: { id: 'marketing-heading' } }),
        // Beside a lead's chip the line is shorter: the chip names what the lead looks after.
        h('p', { class: 'meta', text: this.leads ? 'the long run' : 'product lines · the long run' }),
        this.leadChip('marketing'),
      ]),
      h('div', { class: 'moves' }, controls.marketing.map((c) => this.moveRow(c))),
      h('h3', { class: 'table-title', text: 'Product lines: last quarter’s P&L and goodwill' }),
      h('div', { class: 'product-table', attrs: { role: 'table', 'aria-label': 'Product lines' } }, [
        h('div', { class: 'trow thead', attrs: { role: 'row' } }, ['Line', 'Revenue', 'Profit', 'Goodwill'].map((t) => h('span', { text: t, attrs: { role: 'columnheader' } }))),
        ...game.products.map(() => {
          const el = h('div', { class: 'trow', attrs: { role: 'row' } });
          this.productRows.push(el);
          return el;
        }),
      ]),
    ]);
    this.panels.push(marketing);
    this.place(MARKETING.x + 12, MARKETING.y + 10, MARKETING.w - 24, MARKETING.h - 16, marketing);

    // ----- Centre: the firm and the score so far, joint work, the forecast; last quarter's events
    // at the foot. All but the forecast change only with the game state, which stays put while
    // the player plans.
    this.firmFigures = h('dl', { class: 'figures firm-figures' });
    this.forecast = h('div', { class: 'forecast', attrs: { 'aria-live': 'off' } });
    this.status = h('p', { class: 'status', attrs: { role: 'status' } });
    const soFar = scoreSoFar(scenario, game);
    const centre = h('section', { class: 'side centre', attrs: { 'aria-label': 'The firm and the forecast' } }, [
      h('h2', { text: 'The firm' }),
      this.firmFigures,
      h('div', { class: 'score-so-far', attrs: { role: 'group', 'aria-label': soFar.aria, title: soFar.note } }, [
        h('p', { class: 'score-line', attrs: { 'aria-hidden': 'true' } }, [
          h('span', { class: 'score-term', text: 'Score so far' }),
          h('strong', { text: soFar.score }),
          h('span', { class: 'score-par', text: `par ${soFar.par}` }),
          h('span', { class: soFar.belowPar ? 'score-verdict down' : 'score-verdict', text: soFar.verdict }),
        ]),
      ]),
      h('div', { class: 'moves joint' }, controls.joint.map((c) => this.moveRow(c))),
      h('h2', { text: 'Commit this and expect…' }),
      this.forecast,
    ]);
    this.panels.push(centre);
    this.place(CENTRE.x + 12, CENTRE.y + 10, CENTRE.w - 24, CENTRE.h - 16, centre);
    this.place(CENTRE_FOOT.x, CENTRE_FOOT.y, CENTRE_FOOT.w, CENTRE_FOOT.h, h('div', { class: 'centre-foot' }, [
      this.status,
      ...planningBanners(scenario, game).map((b) => banner(b)),
    ]));

    // ----- Sales side.
    this.accountList = h('div', { class: 'account-list', attrs: { role: 'list', 'aria-label': 'Accounts and their relationships' } });
    this.accountWhy = h('p', { class: 'account-why', attrs: { 'aria-hidden': 'true' } });
    this.accountPager = h('div', { class: 'pager' });
    const sales = h('section', { class: 'side sales', attrs: { 'aria-labelledby': 'sales-heading' } }, [
      h('div', { class: this.leads ? 'side-head with-lead' : 'side-head' }, [
        h('h2', { text: 'Sales', attrs: { id: 'sales-heading' } }),
        h('p', { class: 'meta', text: this.leads ? 'the short run' : 'people and accounts · the short run' }),
        this.leadChip('sales'),
      ]),
      h('div', { class: 'moves' }, controls.sales.map((c) => this.moveRow(c))),
      h('h3', { class: 'table-title', text: 'Accounts: relationship (★ key account)' }),
      this.accountList,
      this.accountWhy,
      this.accountPager,
    ]);
    this.panels.push(sales);
    this.place(SALES.x + 12, SALES.y + 10, SALES.w - 24, SALES.h - 16, sales);

    const bus = app().session.bus;
    this.onCleanup(bus.on('snapshot', (snapshot) => this.redraw(snapshot)));
    this.onCleanup(app().session.forecasts.subscribe(() => this.drawForecast()));
    this.redraw(this.snapshot());
    // The plan may be the one the client has already (the screen opened again on the same plan).
    this.drawForecast();

    this.cameras.main.fadeIn(TWEEN_MS, 244, 241, 234);
    if (app().wantsTour && game.quarter === 1) this.startTour();
  }

  /** A lead's chip in their side's head: who, what they ask and how much the plan gives, bonus and morale; opens the leads' dialog. */
  private leadChip(side: Side): HTMLElement | null {
    const card = this.leads?.find((c) => c.side === side);
    if (!card) return null;
    const ask = h('span', { class: 'lead-chip-ask' });
    const state = h('span', { class: 'lead-chip-state' });
    const meter = h('span', { class: 'lead-chip-meter' });
    const chip = button('', () => this.openLeads(side), 'ghost');
    chip.classList.add('lead-chip', side);
    chip.replaceChildren(
      portrait(card.portrait, card.mood, 40),
      h('span', { class: 'lead-chip-text' }, [h('span', { class: 'lead-chip-line' }, [h('span', { class: 'lead-chip-name', text: card.name.split(' ')[0]! }), state]), ask, h('span', { class: 'lead-chip-line' }, [meter])]),
    );
    this.chips.set(side, { chip, ask, state, meter });
    return chip;
  }

  private openLeads(side: Side): void {
    const context = this.snapshot().context;
    const cards = leadCards(context.scenario, context.game, context.draft);
    if (cards) openLeadsDialog(this, cards, (move) => this.send({ type: 'SET_MOVE', move }), this.panels, side);
  }

  private drawLeads(context: GameFlowContext): void {
    if (this.chips.size === 0) return;
    const cards = leadCards(context.scenario, context.game, context.draft) ?? [];
    for (const card of cards) {
      const parts = this.chips.get(card.side);
      if (!parts) continue;
      parts.ask.textContent = card.askShort ? `Asks ${card.given}/${card.asked} · ${card.askShort}` : 'Asks for nothing';
      parts.ask.classList.toggle('short', card.give !== null);
      parts.state.textContent = ` · morale ${Math.round(card.morale * 100)}%${card.costly ? ' ⚠' : ''}`;
      parts.state.classList.toggle('costly', card.costly);
      parts.meter.replaceChildren(bonusMeter(card), h('span', { text: card.bonus.last === null ? 'bonus: no quarter yet' : `bonus ${Math.round(card.bonus.last * 100)}% of target` }));
      parts.chip.title = `${card.ask ?? 'Asks for nothing this quarter.'} ${card.heardText ?? ''}`;
      parts.chip.setAttribute('aria-label', `${card.name}, ${card.role}: ${card.ask ?? 'asks for nothing this quarter'} ${card.heardText ?? ''} ${card.bonus.lastText}. ${card.moraleText}. Open the leads’ cards.`);
    }
  }

  private send(event: GameFlowEvent): void {
    app().session.bus.emit('flow', event);
  }

  // ---------------------------------------------------------------------------------------
  // One move: label, target picker (product or account), − slider +, points.

  private moveRow(control: MoveControl): HTMLElement {
    const context = this.snapshot().context;
    const id = `move-${control.kind}`;
    const variant = control.side;
    const slider = h('input', {
      attrs: { id, type: 'range', min: '0', max: String(context.scenario.effortBudget), step: '1', value: '0', 'aria-label': control.sliderLabel },
    });
    const output = h('output', { class: 'move-points', attrs: { for: id, 'aria-hidden': 'true' } });
    const less = button('−', () => this.step(row, -1), variant, control.lessLabel);
    const more = button('+', () => this.step(row, 1), variant, control.moreLabel);
    less.classList.add('stepper');
    more.classList.add('stepper');
    let target: HTMLSelectElement | null = null;
    if (control.target) {
      target = h('select', { attrs: { 'aria-label': control.target.label } });
      for (const t of control.target.options) target.append(h('option', { text: t.name, attrs: { value: t.id } }));
      const start = initialTarget(context, control);
      if (start !== undefined) target.value = start;
      target.addEventListener('change', () => this.redraw(this.snapshot()));
    }
    let price: HTMLSelectElement | null = null;
    if (control.price) {
      price = h('select', { class: 'price-select', attrs: { 'aria-label': 'New price' } });
      target!.addEventListener('change', () => this.fillPrices(row));
    }
    const chips = h('span', { class: 'move-chips', attrs: { hidden: '' } });
    // The slider's description: what the market holds, and where its points stop helping.
    const note = h('span', { class: 'move-note', attrs: { id: `${id}-note` } });
    const capNote = h('span', { class: 'cap-note', attrs: { 'aria-hidden': 'true' } });
    const capText = h('span', { class: 'sr-only', attrs: { id: `${id}-cap` } });
    const track = h('span', { class: 'track' }, [slider, capNote, capText]);
    slider.setAttribute('aria-describedby', `${note.id} ${capText.id}`);
    const row: MoveRow = { control, slider, output, less, more, target, price, chips, note, track, capNote, capText };
    if (price) this.fillPrices(row);
    price?.addEventListener('change', () => {
      const current = this.currentPoints(row);
      if (current > 0) this.setPoints(row, current);
    });

    slider.addEventListener('input', () => {
      // The wall at the budget: the slider stops where the flow's remaining points run out, or
      // sooner where more points would do nothing (then it says why).
      const allowed = pointsAllowed(this.snapshot().context, this.slot(row));
      if (Number(slider.value) > allowed) {
        slider.value = String(allowed);
        if (capText.textContent && !track.classList.contains('at-cap')) announce(capText.textContent);
        track.classList.add('at-cap');
      } else {
        track.classList.remove('at-cap');
      }
      output.textContent = slider.value;
      this.fill(slider);
    });
    slider.addEventListener('change', () => this.setPoints(row, Number(slider.value)));
    this.rows.push(row);

    return h('div', { class: `move-row ${control.side}`, attrs: { title: control.help } }, [
      h('div', { class: 'move-top' }, [h('label', { class: 'move-label', text: control.label, attrs: { for: id } }), note, target, output]),
      h('div', { class: 'move-controls' }, [less, track, more, price, chips]),
    ]);
  }

  /** The targets with points as chips (rebuilt only when their words change: a move's frames are busy enough). */
  private drawChips(el: HTMLElement, chips: TargetChips | null): void {
    const text = chips?.text ?? '';
    if (el.title === text) return;
    el.title = text;
    el.hidden = chips === null;
    el.replaceChildren(
      h('span', { class: 'sr-only', text }),
      ...(chips?.chips ?? []).map((c) =>
        h('span', { class: c.shown ? 'chip shown' : 'chip', attrs: { 'aria-hidden': 'true' } }, [h('span', { class: 'chip-name', text: c.name }), c.value ? h('span', { class: 'chip-value', text: c.value }) : null]),
      ),
    );
  }

  /**
   * The stop where more points do nothing. A stop that always holds ends the slider there (the
   * note above says why); one that moves with the plan stripes the track past it, with a note on
   * it (CSS reads --cap, a share of the track).
   */
  private drawCap(row: MoveRow, cap: UsefulCap | null): void {
    const text = cap?.text ?? '';
    const marked = cap !== null && !cap.always;
    if (row.capText.textContent === text && row.track.classList.contains('capped') === marked) return;
    row.capText.textContent = text;
    row.capNote.textContent = marked ? cap.short : '';
    row.track.title = text;
    row.slider.max = String(cap?.always ? cap.points : this.snapshot().context.scenario.effortBudget);
    row.track.classList.toggle('capped', marked);
    row.track.style.setProperty('--cap', marked ? String(cap.points / Number(row.slider.max)) : '1');
  }

  /** The slider's track fills with its side's colour up to the thumb (CSS reads --fill). */
  private fill(slider: HTMLInputElement): void {
    slider.style.setProperty('--fill', `${(100 * Number(slider.value)) / Number(slider.max)}%`);
  }

  private fillPrices(row: MoveRow): void {
    if (!row.price || !row.target) return;
    const choices = priceChoices(this.snapshot().context, row.target.value);
    if (!choices) return;
    row.price.replaceChildren(...choices.options.map((o) => h('option', { text: o.text, attrs: { value: String(o.cents) } })));
    row.price.value = String(choices.selected);
  }

  private slot(row: MoveRow): { kind: MoveKind; target?: string } {
    return row.target ? { kind: row.control.kind, target: row.target.value } : { kind: row.control.kind };
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

  /** Commits the plan; with effort left unspent it asks first, in a bar over the header. */
  private commit(): void {
    const context = this.snapshot().context;
    const question = unspentQuestion(remainingBudget(context), context.scenario.effortBudget);
    if (question === null) {
      this.send({ type: 'COMMIT' });
      return;
    }
    if (this.confirmBar) return;
    const keep = button('Keep planning', () => close(true), 'secondary');
    const bar = h('div', { class: 'commit-confirm', attrs: { role: 'alertdialog', 'aria-label': 'Commit with effort unspent?', 'aria-describedby': 'commit-confirm-text' } }, [
      h('p', { attrs: { id: 'commit-confirm-text' }, text: question }),
      keep,
      button('Commit anyway', () => {
        close(false);
        this.send({ type: 'COMMIT' });
      }, 'primary'),
    ]);
    const placed = this.place(16, 8, WIDTH - 32, 72, bar);
    placed.setDepth(500);
    this.confirmBar = placed;
    const close = (refocus: boolean) => {
      placed.destroy();
      this.confirmBar = null;
      if (refocus && this.commitButton.isConnected) this.commitButton.focus();
    };
    bar.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(true);
    });
    BaseScene.wake(this.game);
    focusSoon(keep);
  }

  // ---------------------------------------------------------------------------------------

  private redraw(snapshot: GameFlowSnapshot): void {
    if (!snapshot.matches({ quarter: 'planning' })) return;
    const context = snapshot.context;
    // Asked first, so the worker plays the futures while the page redraws; the panel is drawn
    // when the client says what it shows (the subscription in create).
    app().session.forecasts.request(context.scenario, context.game, context.draft);
    const targetOf = new Map(this.rows.map((r) => [r.control.kind, r.target]));
    const view = planningView(snapshot, this.rows.map((r) => r.control), (kind) => targetOf.get(kind)?.value);
    for (const row of this.rows) {
      const move = view.moves.get(row.control.kind)!;
      // First: the stop may set where the slider ends.
      this.drawCap(row, move.cap);
      if (document.activeElement !== row.slider || row.slider.value !== String(move.points)) row.slider.value = String(move.points);
      row.slider.setAttribute('aria-valuetext', move.valueText);
      this.fill(row.slider);
      row.output.textContent = String(move.points);
      row.less.disabled = !move.lessEnabled;
      row.more.disabled = !move.moreEnabled;
      if (row.target) [...row.target.options].forEach((option, i) => (option.text = move.optionTexts[i]!));
      this.drawChips(row.chips, move.chips);
      if (row.note.textContent !== (move.note?.text ?? '')) {
        row.note.textContent = move.note?.text ?? '';
        row.note.classList.toggle('exhausted', move.note?.exhausted === true);
      }
    }
    this.undoButton.disabled = !view.undoEnabled;
    this.commitButton.disabled = !view.commitEnabled;
    this.budgetText.textContent = view.budgetText;
    if (view.rejection && view.rejection !== this.lastRejection) announce(view.rejection);
    this.lastRejection = view.rejection;
    this.status.textContent = view.rejection ?? '';
    // Rebuilt only when the game state changed, not on every move: their rebuild and relayout
    // would be a good part of a move's time in the page.
    if (context.game !== this.shownGame) {
      this.figure(this.firmFigures, firmFigures(context.scenario, context.game));
      this.drawProducts(context);
      this.changes = relationshipChanges(context);
      this.drawAccounts(context);
      this.shownGame = context.game;
    }
    this.drawDynamic(context, view.split, view.budget);
    this.drawLeads(context);
  }

  /**
   * The forecast as the client has it now: the figures, the moves' effects, or what it is waiting
   * for. Each part is rebuilt only when its words change: the client speaks several times a plan
   * (the request, the band, each move's effect), and a move's own frames are busy enough.
   */
  private drawForecast(): void {
    const { scenario, game } = this.snapshot().context;
    const panel = forecastPanel(scenario, game, app().session.forecasts.shown());
    if (!panel) return;
    const row = (r: ForecastRow) =>
      h('div', { class: 'frow', attrs: { role: 'row', 'aria-label': r.aria } }, [
        h('span', { attrs: { role: 'rowheader' }, text: r.term }),
        h('span', { class: 'fvalue', attrs: { role: 'cell' }, text: r.value }),
        h('span', { class: 'frange', attrs: { role: 'cell' }, text: r.range }),
      ]);
    const group = (title: string, columns?: readonly [string, string]) =>
      h('div', { class: 'frow fgroup', attrs: { role: 'row' } }, [
        h('span', { attrs: { role: 'rowheader' }, text: title }),
        ...(columns ?? []).map((c) => h('span', { class: 'fhead', attrs: { role: 'columnheader' }, text: c })),
      ]);
    const cell = (text: string, down: boolean) => h('span', { class: down ? 'neg' : '', attrs: { role: 'cell' }, text });
    this.forecast.classList.toggle('stale', panel.status !== null && panel.quarter.length > 0 && panel.status.startsWith('Updating'));
    if (this.forecastParts === null) {
      this.forecastParts = { assumption: h('p', { class: 'meta forecast-assumption' }), table: h('div'), status: h('p', { class: 'forecast-status' }), effects: h('div'), drawn: { table: '', effects: '' } };
      const parts = this.forecastParts;
      this.forecast.replaceChildren(parts.assumption, parts.table, parts.status, parts.effects);
    }
    const parts = this.forecastParts;
    parts.assumption.textContent = panel.assumption;
    parts.status.textContent = panel.status ?? '';
    parts.status.hidden = panel.status === null;
    const tableKey = JSON.stringify([panel.quarter, panel.end]);
    if (tableKey !== parts.drawn.table) {
      parts.drawn.table = tableKey;
      parts.table.replaceWith(
        (parts.table =
          panel.quarter.length > 0
            ? h('div', { class: 'forecast-table', attrs: { role: 'table', 'aria-label': 'Forecast of this plan' } }, [
                group('This quarter', panel.columns),
                ...panel.quarter.map(row),
                group('End of the game'),
                ...panel.end.map(row),
              ])
            : h('div')),
      );
    }
    const effectsKey = JSON.stringify([panel.effects, panel.moreEffects]);
    if (effectsKey !== parts.drawn.effects) {
      parts.drawn.effects = effectsKey;
      parts.effects.replaceWith(
        (parts.effects =
          panel.effects.length > 0
            ? h('div', { class: 'effects-table', attrs: { role: 'table', 'aria-label': panel.effectsHeading } }, [
                h('div', { class: 'erow effects-heading', attrs: { role: 'row' } }, panel.effectsColumns.map((c, i) => h('span', { attrs: { role: i === 0 ? 'rowheader' : 'columnheader' }, text: c }))),
                ...panel.effects.map((e) =>
                  h('div', { class: 'erow', attrs: { role: 'row', 'aria-label': e.aria } }, [
                    h('span', { class: 'elabel', attrs: { role: 'rowheader' }, text: e.label }),
                    cell(e.now, e.down.now),
                    cell(e.next, e.down.next),
                    cell(e.score, e.down.score),
                  ]),
                ),
                panel.moreEffects ? h('p', { class: 'meta', text: panel.moreEffects }) : null,
              ])
            : h('div')),
      );
    }
  }

  private figure(list: HTMLElement, rows: readonly Figure[]): void {
    list.replaceChildren(
      ...rows.flatMap(({ term, value, delta }) => [
        h('dt', { text: term }),
        h('dd', {}, [value, delta ? h('span', { class: delta.startsWith('−') ? 'delta down' : 'delta up', text: ` ${delta}` }) : null]),
      ]),
    );
  }

  private drawProducts(context: GameFlowContext): void {
    productRows(context).forEach((p, i) => {
      const el = this.productRows[i]!;
      el.classList.toggle('inactive', !p.active);
      el.replaceChildren(
        h('span', { attrs: { role: 'cell' }, text: p.name }),
        h('span', { attrs: { role: 'cell' }, text: p.revenue }),
        h('span', { attrs: { role: 'cell' }, class: p.loss ? 'neg' : '', text: p.profit }),
        h('span', { attrs: { role: 'cell' }, class: 'meter-cell', text: p.goodwillText }),
      );
    });
  }

  private drawAccounts(context: GameFlowContext): void {
    const view = accountPage(context.scenario, context.game, this.accountPage, ACCOUNTS_PER_PAGE, this.changes);
    this.accountPage = view.page;
    const explain = (text: string | null) => {
      this.accountWhy.textContent = text ?? '';
      this.accountWhy.title = text ?? '';
    };
    explain(view.explained);
    this.accountList.replaceChildren(
      ...view.accounts.map((a) => {
        const row = h('div', { class: 'account', attrs: { role: 'listitem', title: a.why } }, [
          h('span', { class: 'account-name', text: a.name }),
          h('span', { class: 'account-value', text: a.relationshipText, attrs: { 'aria-hidden': 'true' } }),
          a.change === null ? null : h('span', { class: a.down ? 'account-change down' : 'account-change', text: a.change, attrs: { 'aria-hidden': 'true' } }),
          h('span', { class: 'sr-only', text: a.why }),
        ]);
        // Pointing at an account explains its change in the line under the list.
        if (a.detail !== null) {
          row.addEventListener('pointerenter', () => explain(a.detail));
          row.addEventListener('pointerleave', () => explain(view.explained));
        }
        return row;
      }),
    );
    if (view.pages > 1 && this.accountPager.childElementCount === 0) {
      const label = h('span', { class: 'meta' });
      const prev = button('Previous accounts', () => this.turnPage(-1), 'ghost');
      const next = button('More accounts', () => this.turnPage(1), 'ghost');
      this.accountPager.append(prev, label, next);
    }
    const [prev, label, next] = [...this.accountPager.children] as HTMLElement[];
    if (label) label.textContent = view.range;
    if (prev) (prev as HTMLButtonElement).disabled = !view.previousEnabled;
    if (next) (next as HTMLButtonElement).disabled = !view.nextEnabled;
  }

  private turnPage(delta: number): void {
    this.accountPage += delta;
    this.drawAccounts(this.snapshot().context);
    this.redraw(this.snapshot());
  }

  /** The Phaser half: budget bar split by side, goodwill, collaboration and relationship meters. */
  private drawDynamic(context: GameFlowContext, split: Record<PlanSide, number>, budget: number): void {
    const g = this.dynamic;
    g.clear();
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
    // The dispute's hold, at the bar's far end: striped grey, the label under it says why.
    if (this.reserved !== null) {
      const w = (bar.w * this.reserved.points) / budget;
      const left = bar.x + bar.w - w;
      g.fillStyle(COLOURS.muted, 0.55);
      g.fillRoundedRect(left, bar.y, w, bar.h, { tl: 0, bl: 0, tr: 8, br: 8 });
      g.lineStyle(2, COLOURS.panel, 0.7);
      for (let s = left - bar.h; s < left + w; s += 6) {
        const from = Math.max(0, (left - s) / bar.h);
        const to = Math.min(1, (left + w - s) / bar.h);
        if (to > from) g.lineBetween(s + from * bar.h, bar.y + bar.h - from * bar.h, s + to * bar.h, bar.y + bar.h - to * bar.h);
      }
    }
    g.lineStyle(2, COLOURS.ink, 0.4);
    g.strokeRoundedRect(bar.x, bar.y, bar.w, bar.h, 8);

    // Goodwill meters in the product table (same row geometry as the DOM table).
    const tableY = MARKETING.y + 10 + TABLE_TOP + 24 + TABLE_ROW_H;
    context.game.products.forEach((p, i) => {
      drawMeter(g, { x: MARKETING.x + 12 + 312, y: tableY + i * TABLE_ROW_H + 10, w: 64, h: 10 }, p.goodwill, p.active ? COLOURS.marketing : COLOURS.muted);
    });
    // Collaboration meter under the firm's figures.
    drawMeter(g, { x: CENTRE.x + 24, y: CENTRE.y + 83, w: CENTRE.w - 48, h: 8 }, context.game.collaboration, MEANING.collaboration);
    // Relationship meters beside each account shown.
    const accounts = accountPage(context.scenario, context.game, this.accountPage, ACCOUNTS_PER_PAGE).accounts;
    const listY = SALES.y + 10 + TABLE_TOP + 24;
    accounts.forEach((a, i) => {
      const column = Math.floor(i / ACCOUNTS_PER_COLUMN);
      const rowY = listY + (i % ACCOUNTS_PER_COLUMN) * ACCOUNT_ROW_H;
      drawMeter(g, { x: SALES.x + 12 + column * 208 + 120, y: rowY + 7, w: 32, h: 9 }, a.relationship, COLOURS.salesDeep);
    });
  }

  // ---------------------------------------------------------------------------------------
  // The guided first quarter.

  private startTour(): void {
    const steps = PLANNING_TOUR.map((step) => ({ ...TOUR_PLACES[step.part], title: step.title, text: step.text }));
    startTour(this, steps, this.panels, TOUR_WORDS, () => {
      app().storage.setItem(TOUR_DONE_KEY, 'yes');
      app().wantsTour = false;
      focusSoon(this.rows[0]?.slider ?? document.body);
    });
  }
}

