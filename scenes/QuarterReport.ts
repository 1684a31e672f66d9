// The quarter report: what the quarter just played changed — revenue, profit, cash, customer
// equity counting up from the quarter before — and its top causes (from the model's records,
// as the debrief reads them); what the planning screen's forecast said for the quarter beside
// what it did; the history charted with the product lines' profit under it, the accounts'
// relationships and the accounts won and lost; the score and each part's move on the strip under
// the figures, and the quarter's events (a lost key account an alert) as banners.
import { formatMoney, formatPercent, formatShortMoney, formatSignedMoney } from '../src/app/format';
import { forecastGapView, type ForecastGapView } from '../src/app/forecast-gap-view';
import { quarterBanners, scoreMoves } from '../src/app/goal-view';
import { quarterFacts } from '../src/app/quarter-facts';
import { animationRuns } from '../src/app/hook';
import { causesOfQuarter } from '../src/debrief/quarter-causes';
import { replayGame } from '../src/debrief/replay';
import { accountNames } from '../src/scenario/account-names';
import { lastRecord } from '../src/flow/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, COUNT_UP_MS, MEANING, WIDTH } from './theme';
import { banner } from './ui/banner';
import { bonusBar as bonusMeterOf } from './ui/leads-dialog';
import { portrait } from './ui/portrait';
import { leadReactions } from '../src/app/lead-view';
import { button, h } from './ui/dom';
import { drawLineChart, drawPanel, drawSignedBars, type Rect } from './ui/draw';
import { placeGhostPanel } from './ui/ghost';

const CARD_Y = 88;
const CARD_H = 84;
/** The score's strip under the figures: the total against par and each part's move. */
const SCORE_STRIP: Rect = { x: 16, y: 180, w: WIDTH - 32, h: 36 };
const LEFT: Rect = { x: 16, y: 224, w: 620, h: 484 };
const RIGHT: Rect = { x: 652, y: 224, w: 612, h: 484 };
/** What the planning screen's forecast said for the quarter beside what it did, over the charts of revenue and profit. */
const AGAINST: Rect = { x: LEFT.x + 16, y: LEFT.y + 12, w: LEFT.w - 32, h: 88 };
const CHART_A: Rect = { x: LEFT.x + 56, y: LEFT.y + 140, w: LEFT.w - 80, h: 96 };
const CHART_B: Rect = { x: LEFT.x + 56, y: LEFT.y + 292, w: LEFT.w - 80, h: 60 };
/** Each chart's title and legend, on one line above it. */
const CHART_HEAD_H = 28;
/** The product lines' profit, at the foot of the charts, each line's name and figure under its bar. */
const BARS: Rect = { x: LEFT.x + 20, y: LEFT.y + 398, w: LEFT.w - 40, h: 34 };
const BARS_TITLE_H = 28;
const BAR_LABELS_H = 46;
/** The accounts' relationship bars, with each account's name under its bar (two staggered rows when they are many). */
const RELATIONS: Rect = { x: RIGHT.x + 20, y: RIGHT.y + 408, w: RIGHT.w - 40, h: 42 };
const ACCOUNT_LABEL_H = 14;

/** The forecast's figures beside the actual: the block over the charts. */
function againstForecast(against: ForecastGapView): HTMLElement[] {
  return [
    h('h2', {}, [against.heading, ' ', h('span', { class: 'gap-note', text: `(${against.note})` })]),
    h('div', { class: 'gap-table', attrs: { role: 'table', 'aria-label': 'This quarter against the forecast' } }, [
      h('div', { class: 'gap-row gap-head', attrs: { role: 'row' } }, against.columns.map((c, i) => h('span', { attrs: { role: i === 0 ? 'cell' : 'columnheader' }, text: c }))),
      ...against.rows.map((r) =>
        h('div', { class: 'gap-row', attrs: { role: 'row', 'aria-label': r.aria } }, [
          h('span', { attrs: { role: 'rowheader' }, text: r.term }),
          h('span', { class: 'gap-figure', attrs: { role: 'cell' }, text: r.forecast }),
          h('span', { class: 'gap-figure', attrs: { role: 'cell' }, text: r.range }),
          h('span', { class: 'gap-figure gap-actual', attrs: { role: 'cell' }, text: r.actual }),
          h('span', { class: r.position === 'inside' ? 'gap-verdict' : `gap-verdict delta ${r.position === 'below' ? 'down' : 'up'}`, attrs: { role: 'cell' }, text: r.verdict }),
        ]),
      ),
    ]),
  ];
}

/** Why the quarter fell outside the forecast's range, for "What happened" (nothing when it fell inside). */
function whyOutsideRange(against: ForecastGapView): HTMLElement[] {
  if (!against.why) return [];
  return [
    h('p', { class: 'why-headline', text: against.why.heading }),
    h('ol', { class: 'causes gap-reasons', attrs: { 'aria-label': 'Why the quarter fell outside the forecast’s range' } }, against.why.reasons.map((r) => h('li', {}, [h('span', { class: r.down ? 'delta down' : 'delta up', text: r.amount }), ' ', r.text]))),
  ];
}

export class QuarterReport extends BaseScene {
  constructor() {
    super(SCENES.report);
  }

  create(): void {
    const g = this.begin();
    const context = this.snapshot().context;
    const { scenario, game } = context;
    const record = lastRecord(context)!;
    const before = game.history[game.history.length - 2];
    const quarter = record.quarter;

    let nextLabel = `Plan quarter ${game.quarter}`;
    if (game.finished) nextLabel = 'See the final results';
    else if (game.dispute?.status === 'open') nextLabel = 'Hear the dispute';
    const nextButton = button(nextLabel, () => app().session.bus.emit('flow', { type: 'NEXT' }), 'primary');
    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', `Quarter ${quarter} report`), h('p', { class: 'meta', text: `${scenario.firm.name} · quarter ${quarter} of ${scenario.quarters}` })]),
      nextButton,
    ]));
    // Played against a ghost group: its figures for this quarter, beside the header; else the
    // leads' reactions (a scenario with people) take that place.
    placeGhostPanel(this, scenario, game.seed, quarter, 420, 14, 590, 60);
    const reactions = leadReactions(scenario, game, record);
    if (reactions && !app().session.playAs?.ghost) {
      this.place(300, 10, 800, 68, h('section', { class: 'lead-reactions', attrs: { 'aria-label': 'How your leads took the quarter' } }, reactions.map((r) =>
        h('div', { class: `lead-reaction ${r.side}`, attrs: { 'data-side': r.side } }, [
          portrait(r.portrait, r.mood, 52),
          h('div', { class: 'lead-reaction-text' }, [
            h('p', { class: 'lead-reaction-line' }, [h('strong', { text: `${r.name.split(' ')[0]}: ` }), `“${r.line}”`]),
            h('p', { class: 'lead-reaction-facts', attrs: { title: r.facts.join(' ') } }, [bonusMeterOf(r.bonus), h('span', { text: r.summary })]),
            h('span', { class: 'sr-only', text: r.facts.join(' ') }),
          ]),
        ]),
      )));
    }

    // ----- Headline figures that count up from the quarter before.
    // Each figure's card in the figure's own colour (theme.ts MEANING), as its line below and in the debrief.
    const cards: { label: string; from: number; to: number; el: HTMLElement; colour: number }[] = [
      { label: 'Revenue', from: before?.revenue ?? 0, to: record.revenue, el: h('strong'), colour: MEANING.revenue },
      { label: 'Profit', from: before?.profit ?? 0, to: record.profit, el: h('strong'), colour: MEANING.profit },
      { label: 'Cash', from: before?.cash ?? scenario.firm.cash, to: record.cash, el: h('strong'), colour: MEANING.cash },
      { label: 'Customer equity', from: before?.customerEquity ?? 0, to: record.customerEquity, el: h('strong'), colour: MEANING.customerEquity },
    ];
    const cardW = (WIDTH - 32 - 3 * 16) / 4;
    cards.forEach((card, i) => {
      const rect = { x: 16 + i * (cardW + 16), y: CARD_Y, w: cardW, h: CARD_H };
      drawPanel(g, rect, COLOURS.panel, card.colour);
      const change = before || card.label === 'Cash' ? formatSignedMoney(card.to - card.from) : '';
      // The final figure is what assistive tech reads; the counting is for the eye.
      this.place(rect.x + 16, rect.y + 8, rect.w - 32, rect.h - 12, h('div', { class: 'kpi', attrs: { role: 'group', 'aria-label': `${card.label}: ${formatMoney(card.to)}${change ? `, ${change} on the quarter before` : ''}` } }, [
        h('span', { class: 'kpi-label', text: card.label, attrs: { 'aria-hidden': 'true' } }),
        Object.assign(card.el, { ariaHidden: 'true' }),
        change ? h('span', { class: card.to < card.from ? 'delta down' : 'delta up', text: `${change} on ${before ? 'last quarter' : 'the start'}`, attrs: { 'aria-hidden': 'true' } }) : null,
      ]));
    });

    // ----- The score: the total after this quarter against par, and how each part moved.
    const score = scoreMoves(scenario, game.history, quarter);
    drawPanel(g, SCORE_STRIP, COLOURS.panel, COLOURS.joint);
    const scoreCell = (m: (typeof score.parts)[number], total = false) =>
      h('span', { class: total ? 'score-cell total' : 'score-cell' }, [
        h('span', { class: 'score-cell-label', text: m.label }),
        h('strong', { text: m.points }),
        m.change ? h('span', { class: m.down ? 'delta down' : 'delta up', text: m.change }) : null,
        total ? h('span', { class: 'score-par', text: score.par }) : null,
      ]);
    this.place(SCORE_STRIP.x + 12, SCORE_STRIP.y + 6, SCORE_STRIP.w - 24, SCORE_STRIP.h - 8, h('div', { class: 'score-strip', attrs: { role: 'group', 'aria-label': score.aria } }, [
      scoreCell(score.total, true),
      ...score.parts.map((m) => scoreCell(m)),
    ]));

    // ----- Left: the quarter against the forecast, the history charts, the product lines' profit.
    drawPanel(g, LEFT);
    drawPanel(g, RIGHT);
    const history = game.history;
    // The newest quarter's stretch of each line chart, and the bars, uncovered from left to right
    // (placed first, so every label stays above them).
    const lastSlot = (rect: Rect) => (history.length > 1 ? (rect.w * (history.length - 2)) / Math.max(1, scenario.quarters - 1) : -4);
    const covers = [
      { x: CHART_A.x + lastSlot(CHART_A) + 4, y: CHART_A.y - 8, w: CHART_A.w - lastSlot(CHART_A) + 4, h: CHART_A.h + 10 },
      { x: CHART_B.x + lastSlot(CHART_B) + 4, y: CHART_B.y - 8, w: CHART_B.w - lastSlot(CHART_B) + 4, h: CHART_B.h + 10 },
      { x: BARS.x - 2, y: BARS.y - 4, w: BARS.w + 4, h: BARS.h + 8 },
      { x: RELATIONS.x - 2, y: RELATIONS.y - 4, w: RELATIONS.w + 4, h: RELATIONS.h + 1 },
    ].map((r) => {
      const cover = h('div', { class: 'chart-cover', attrs: { 'aria-hidden': 'true' } });
      this.place(r.x, r.y, r.w, r.h, cover);
      return cover;
    });
    const sr = (caption: string, rows: string[]) => h('ul', { class: 'sr-only', attrs: { 'aria-label': caption } }, rows.map((r) => h('li', { text: r })));
    // What the planning screen's forecast said for this quarter, made again on the same futures.
    // Worked out where the plans were (the forecast's worker) and filled in when it comes; the
    // report is drawn meanwhile, and settled() waits for it.
    const replayed = replayGame(scenario, game.seed, context.steps, true);
    const played = replayed.quarters[quarter - 1]!;
    const gapBlock = h('section', { class: 'gap-block', attrs: { 'aria-label': 'Against the forecast', 'aria-busy': 'true' } }, [
      h('h2', { text: 'Against the forecast' }),
      h('p', { class: 'meta', text: 'Working out what the forecast said for this plan…' }),
    ]);
    const gapWhy = h('div', { class: 'gap-why' });
    this.place(AGAINST.x, AGAINST.y, AGAINST.w, AGAINST.h, gapBlock);
    const explained = animationRuns();
    let shown = true;
    this.onCleanup(() => {
      shown = false;
      explained();
    });
    app()
      .session.forecasts.explain(scenario, played.beforeMoves, played.step.moves)
      .then(
        (gap) => {
          if (!shown) return;
          const against = forecastGapView(scenario, game, gap);
          gapBlock.replaceChildren(...againstForecast(against));
          gapBlock.removeAttribute('aria-busy');
          gapWhy.replaceChildren(...whyOutsideRange(against));
        },
        () => {
          if (shown) gapBlock.replaceChildren(h('h2', { text: 'Against the forecast' }), h('p', { class: 'meta', text: 'The forecast for this plan could not be worked out.' }));
        },
      )
      .finally(explained);
    const chartHead = (rect: Rect, title: string, keys: HTMLElement[], rows: string[]) =>
      this.place(LEFT.x + 16, rect.y - CHART_HEAD_H - 6, LEFT.w - 32, CHART_HEAD_H, h('div', { class: 'chart-head' }, [h('h2', { text: title }), h('p', { class: 'legend' }, keys), sr(title, rows)]));
    chartHead(CHART_A, 'Revenue and profit per quarter', [h('span', { class: 'key revenue', text: 'Revenue' }), h('span', { class: 'key profit', text: 'Profit' })], history.map((r) => `Quarter ${r.quarter}: revenue ${formatMoney(r.revenue)}, profit ${formatMoney(r.profit)}`));
    chartHead(CHART_B, 'Customer equity per quarter', [h('span', { class: 'key equity', text: 'Customer lifetime value of the accounts' })], history.map((r) => `Quarter ${r.quarter}: ${formatMoney(r.customerEquity)}`));
    const products = record.products.filter((l) => l.revenue > 0 || l.fixedCost > 0);
    const productName = (id: string) => scenario.products.find((p) => p.id === id)?.name ?? id;
    this.place(LEFT.x + 16, BARS.y - BARS_TITLE_H, LEFT.w - 32, BARS_TITLE_H, h('div', { class: 'report-bars' }, [
      h('h2', { class: 'bars-title', text: 'Profit per product line this quarter' }),
      sr('Profit per product line', products.map((l) => `${productName(l.product)}: ${formatMoney(l.profit)}`)),
    ]));
    this.place(BARS.x, BARS.y + BARS.h + 4, BARS.w, BAR_LABELS_H, h('div', { class: 'bar-labels', attrs: { 'aria-hidden': 'true' } }, products.map((l) => h('span', {}, [h('span', { class: 'bar-name', text: productName(l.product) }), ' ', h('span', { class: 'bar-figure', text: formatMoney(l.profit) })]))));
    // The axis' figures abbreviated ("$1.04M"), so even a large firm's fits the room left of the chart.
    const axis = (rect: Rect, values: number[]) => {
      const max = Math.max(1, ...values);
      const min = Math.min(0, ...values);
      this.place(LEFT.x + 2, rect.y - 8, rect.x - LEFT.x - 6, 20, h('span', { class: 'axis value', text: formatShortMoney(max), attrs: { 'aria-hidden': 'true' } }));
      this.place(LEFT.x + 2, rect.y + rect.h - 12, rect.x - LEFT.x - 6, 20, h('span', { class: 'axis value', text: formatShortMoney(min), attrs: { 'aria-hidden': 'true' } }));
    };
    // The quarters along the bottom, so a first quarter's lone point reads as the start of a line.
    for (const rect of [CHART_A, CHART_B]) {
      this.place(rect.x - 20, rect.y + rect.h + 2, 40, 16, h('span', { class: 'axis centred', text: 'Q1', attrs: { 'aria-hidden': 'true' } }));
      this.place(rect.x + rect.w - 20, rect.y + rect.h + 2, 40, 16, h('span', { class: 'axis centred', text: `Q${scenario.quarters}`, attrs: { 'aria-hidden': 'true' } }));
    }
    axis(CHART_A, history.flatMap((r) => [r.revenue, r.profit]));
    axis(CHART_B, history.map((r) => r.customerEquity));

    // ----- Right: what happened, account relationships.
    // The names the player reads: a won account's from the scenario's pool (src/scenario/account-names.ts).
    const names = accountNames(scenario, game);
    // The facts, losses first, so none is below the fold of the box.
    const happened = quarterFacts(scenario, game, record);
    // The quarter's events (the scenario's own words) and lost key accounts, as banners.
    const banners = quarterBanners(scenario, game, quarter);
    // The top causes of the change on last quarter, from the model's own records (src/debrief).
    const why = causesOfQuarter(scenario, replayed, quarter);
    const active = game.accounts.filter((a) => a.active);
    this.place(RIGHT.x + 16, RIGHT.y + 12, RIGHT.w - 32, RIGHT.h - 24, h('section', { class: 'report-right' }, [
      // Title, banners and the scrolling box share a fixed height: the banners take what they need.
      h('div', { class: 'happened-area' }, [
        h('h2', { text: 'What happened' }),
        banners.length > 0 ? h('div', { class: 'report-banners' }, banners.map(banner)) : null,
        h('div', { class: 'happened-box', attrs: { tabindex: '0', role: 'region', 'aria-label': 'What happened and why' } }, [
          // The facts first (a loss is never below the fold); then why the quarter fell outside
          // the forecast's range, which the block above raises; then why profit moved on last quarter.
          h('ul', { class: 'happened' }, happened.map((t) => h('li', { text: t }))),
          gapWhy,
          why ? h('p', { class: 'why-headline', text: why.headline }) : null,
          why && why.causes.length > 0
            ? h('ol', { class: 'causes', attrs: { 'aria-label': 'Top causes' } }, why.causes.map((c) => h('li', {}, [
                c.amount === null ? null : h('span', { class: c.amount < 0 ? 'delta down' : 'delta up', text: formatSignedMoney(c.amount) }),
                c.amount === null ? null : ' ',
                c.text.charAt(0).toUpperCase() + c.text.slice(1),
              ])))
            : null,
        ]),
      ]),
      h('h2', { class: 'relations-title', text: `Account relationships (${active.length} accounts, key accounts darker)` }),
      sr('Account relationships', active.map((a) => `${names.get(a.id) ?? a.name}${a.key ? ' (key)' : ''}: ${formatPercent(a.relationship)}`)),
    ]));

    // ----- The charts are drawn once, at their final values, into the scene's backdrop. Only
    // DOM moves while the figures count up: covers that slide off the newest quarter's stretch,
    // and the numbers. The canvas stays as it is, so the game loop can sleep through the
    // animation: every WebGL frame costs a full redraw, which software WebGL cannot do at 60 a second.
    const charts = this.add.graphics();
    drawLineChart(charts, CHART_A, [{ values: history.map((r) => r.revenue), colour: MEANING.revenue }, { values: history.map((r) => r.profit), colour: MEANING.profit }], scenario.quarters);
    drawLineChart(charts, CHART_B, [{ values: history.map((r) => r.customerEquity), colour: MEANING.customerEquity }], scenario.quarters);
    drawSignedBars(charts, BARS, products.map((l) => l.profit), 1);
    const slot = RELATIONS.w / Math.max(active.length, 1);
    charts.fillStyle(COLOURS.line, 1);
    charts.fillRect(RELATIONS.x, RELATIONS.y + RELATIONS.h, RELATIONS.w, 2);
    active.forEach((a, i) => {
      const height = RELATIONS.h * a.relationship;
      charts.fillStyle(a.key ? COLOURS.salesDeep : COLOURS.sales, 1);
      charts.fillRect(RELATIONS.x + i * slot + slot * 0.15, RELATIONS.y + RELATIONS.h - height, Math.max(2, slot * 0.7), height);
    });
    // Each bar's account named under it, cut with an ellipsis where the name is longer than its
    // room (the full name on hover and in the list for screen readers). Many accounts take two
    // staggered rows, so each name has two bars' width.
    const labelRows = slot >= 72 ? 1 : 2;
    const labelW = Math.min(RELATIONS.w, slot * labelRows) - 6;
    active.forEach((a, i) => {
      const row = i % labelRows;
      const centre = RELATIONS.x + i * slot + slot / 2;
      // Centred on its bar; the first and last may reach into the panel's margin, never past it.
      const x = Math.max(RIGHT.x + 2, Math.min(RIGHT.x + RIGHT.w - 2 - labelW, centre - labelW / 2));
      this.place(x, RELATIONS.y + RELATIONS.h + 3 + row * ACCOUNT_LABEL_H, labelW, ACCOUNT_LABEL_H, h('span', { class: a.key ? 'account-label key-account' : 'account-label', text: names.get(a.id) ?? a.name, attrs: { 'aria-hidden': 'true', title: names.get(a.id) ?? a.name } }));
    });
    const step = (t: number) => {
      for (const cover of covers) cover.style.transform = `scaleX(${1 - t})`;
      for (const card of cards) card.el.textContent = formatMoney(Math.round(card.from + (card.to - card.from) * t));
    };
    step(0);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const started = performance.now();
    let frame = 0;
    const counted = animationRuns();
    const tick = (now: number) => {
      const t = Math.min(1, (now - started) / COUNT_UP_MS);
      // Cubic ease-out: fast at first, settling on the final figure.
      const u = 1 - t;
      step(1 - u * u * u);
      if (t < 1) frame = requestAnimationFrame(tick);
      else counted();
    };
    if (reduced) {
      step(1);
      counted();
    } else frame = requestAnimationFrame(tick);
    this.onCleanup(() => {
      cancelAnimationFrame(frame);
      counted();
    });
  }
}
