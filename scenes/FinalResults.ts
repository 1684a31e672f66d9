// The final results: the balanced scorecard, each component with its weight, the total against
// the scenario's par, and the scenario's debrief notes. Every number is the model's scoreCard.
// Below them: for a group of a workshop heat, its result code (text to copy and a QR code to
// scan); a hot-seat group's code is collected into the workshop and the device goes to the next
// group; solo play goes on this browser's local scoreboard for the scenario and seed, verified by
// replaying every game on it.
import { formatMoney, formatPoints } from '../src/app/format';
import { recordSoloGame } from '../src/app/local-board';
import { finishedGameCode, ghostFigures } from '../src/app/results';
import { readWorkshop, withCodes, writeWorkshop } from '../src/app/workshop';
import type { Scoreboard } from '../src/scoreboard/index';
import type { GameState, Scenario, Step } from '../src/sim/index';
import { DISPUTE_OPTION_TEXT } from '../src/app/dispute-text';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, COUNT_UP_MS, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { qrCanvas } from './ui/qr';

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
    const { scenario, game, steps } = this.snapshot().context;
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
        h('span', { attrs: { role: 'cell' }, text: formatPoints(card[key]) }),
      ]),
    );
    this.place(left.x + 24, left.y + 20, left.w - 48, left.h - 30, h('section', { class: 'scorecard' }, [
      h('h2', { text: 'Your scorecard' }),
      h('p', { class: 'total-line', attrs: { 'aria-label': `Total score ${formatPoints(card.total)}, par ${par}: ${verdict}` } }, [total, h('span', { text: ` / par ${par} · ${verdict}` })]),
      h('div', { class: 'score-table', attrs: { role: 'table', 'aria-label': 'Scorecard components' } }, [
        h('div', { class: 'score-row thead', attrs: { role: 'row' } }, ['Component', 'Weight', 'Points'].map((t) => h('span', { attrs: { role: 'columnheader' }, text: t }))),
        ...rows,
      ]),
      h('p', { class: 'meta', text: `Points: 100 meets the scenario’s target. Totals: revenue ${formatMoney(game.history.reduce((s, r) => s + r.revenue, 0))}, profit ${formatMoney(game.history.reduce((s, r) => s + r.profit, 0))}, final customer equity ${formatMoney(last.customerEquity)}.` }),
    ]));
    this.place(right.x + 24, right.y + 20, right.w - 48, right.h - 30, h('section', { class: 'debrief' }, [
      h('h2', { text: 'Debrief' }),
      h('ul', {}, scenario.debrief.map((t) => h('li', { text: t }))),
      game.dispute ? h('p', { text: `The dispute over ${scenario.products.find((p) => p.id === game.dispute!.product)?.name ?? game.dispute.product}: ${game.dispute.choices.map((c) => `${DISPUTE_OPTION_TEXT[c.option].label.toLowerCase()} (before quarter ${c.quarter})`).join(', then ') || 'never settled'}. The debrief shows what it did.` }) : null,
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
      total.textContent = formatPoints(card.total * t);
    };
    draw(0);
    const tween = this.tweens.addCounter({ from: 0, to: 1, duration: COUNT_UP_MS, onUpdate: (tw) => draw(tw.getValue() ?? 1), onComplete: () => draw(1) });
    this.onCleanup(() => tween.remove());

    const band = { x: 16, y: 548, w: WIDTH - 32, h: 160 };
    drawPanel(g, band, COLOURS.panel, COLOURS.purple);
    const playAs = app().session.playAs;
    try {
      if (playAs?.group) this.showResultCode(band, scenario, game, steps, playAs.group, playAs.mode === 'hot-seat');
      else this.showLocalBoard(band, scenario, game, steps);
    } catch (error) {
      // Never expected (the game's own decisions always encode); the scorecard above still stands.
      this.place(band.x + 20, band.y + 16, band.w - 40, 80, h('p', { class: 'alert', attrs: { role: 'alert' }, text: `The ${playAs?.group ? 'result code' : 'local scoreboard'} could not be made for this game: ${(error as Error).message}.` }));
    }
  }

  /** A workshop group's result code: selectable text, a copy button and a QR code. */
  private showResultCode(band: { x: number; y: number; w: number; h: number }, scenario: Scenario, game: GameState, steps: Step[], group: string, hotSeat: boolean): void {
    const { storage } = app();
    const code = finishedGameCode(scenario, game, steps, group);
    // Hot-seat: the code goes into the instructor's workshop on this device straight away.
    const read = readWorkshop(storage);
    const workshop = read.status === 'ok' && read.workshop.scenarioId === scenario.id && read.workshop.seed === game.seed ? read.workshop : null;
    const collected = hotSeat && workshop !== null && writeWorkshop(storage, withCodes(workshop, [code]));
    const codeText = h('p', { class: 'result-code', text: code, attrs: { id: 'result-code', tabindex: '0', 'aria-label': `Result code of ${group}` } });
    const copy = button('Copy the code', () => void copyText(code, codeText), 'secondary');
    const actions: HTMLElement[] = [];
    if (workshop?.groupsMaySeeBoard) actions.push(button('See the scoreboard', () => this.scene.start(SCENES.scoreboard, { projector: true, revealAll: true, readOnly: true })));
    if (hotSeat) actions.push(button('Hand the device to the next group', () => this.scene.start(SCENES.handOver, {}), 'primary'));
    this.place(band.x + 20, band.y + 10, band.w - 220, band.h - 16, h('section', { class: 'result-code-panel', attrs: { 'aria-label': 'Your result code' } }, [
      h('div', { class: 'result-code-head' }, [h('h2', { text: `Result code of ${group}` }), copy]),
      codeText,
      h('div', { class: 'result-code-foot' }, [
        hotSeat && !collected
          ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: workshop ? 'Not collected: this browser refused to store the code in the workshop (storage full or turned off). Copy it or scan it into the scoreboard by hand.' : 'Not collected: this device no longer holds a workshop for this heat. Copy the code or scan it into the scoreboard by hand.' })
          : h('p', { class: 'meta', text: collected ? 'Collected into the workshop on this device. It carries your decisions: the scoreboard replays them and shows the score they really make.' : 'Hand it to your instructor: paste it into the chat, or let them scan the QR code. It carries your decisions: the scoreboard replays them.' }),
        actions.length > 0 ? h('div', { class: 'result-actions' }, actions) : null,
      ]),
    ]));
    this.place(band.x + band.w - 176, band.y + 8, 150, 150, qrCanvas(code, 150, `QR code of the result code of ${group}`));
  }

  /** Solo play: this game on the browser's local board for the scenario and seed, verified. */
  private showLocalBoard(band: { x: number; y: number; w: number; h: number }, scenario: Scenario, game: GameState, steps: Step[]): void {
    const { storage, session } = app();
    const { board, problem, group } = recordSoloGame(storage, scenario, game, steps, new Date());
    const ghost = session.playAs?.ghost ? ghostFigures(scenario, game.seed, session.playAs.ghost.code) : null;
    const mine = board.entries.find((e) => e.group === group);
    const summary = mine
      ? `This game ranks ${mine.rank} of ${board.entries.length} played on seed ${game.seed} in this browser.`
      : 'This game could not be put on the local board.';
    this.place(band.x + 20, band.y + 10, band.w - 40, band.h - 16, h('section', { class: 'local-board', attrs: { 'aria-label': 'Local scoreboard' } }, [
      h('div', { class: 'local-board-head' }, [
        h('h2', { text: `Local scoreboard: ${scenario.title}, seed ${game.seed}` }),
        h('p', { class: 'meta', text: `${summary}${ghost?.ok ? ` Ghost ${ghost.group} scored ${formatPoints(ghost.score)}.` : ''} Every score is recomputed from the game’s decisions.` }),
      ]),
      problem ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: problem }) : null,
      localBoardTable(board, group),
    ]));
  }
}

function localBoardTable(board: Scoreboard, current: string): HTMLElement {
  const rows = board.entries.map((e) =>
    h('tr', { class: e.group === current ? 'current' : '' }, [
      h('td', { text: String(e.rank) }),
      h('th', { attrs: { scope: 'row' }, text: e.group === current ? `${e.group} (this game)` : e.group }),
      h('td', { text: formatPoints(e.score) }),
      h('td', { text: formatMoney(e.totalProfit) }),
      h('td', { text: formatMoney(e.customerEquity) }),
    ]),
  );
  const rejected = board.rejected.map((r) => h('tr', { class: 'rejected' }, [h('td', { text: '—' }), h('th', { attrs: { scope: 'row' }, text: r.group ?? r.label }), h('td', { attrs: { colspan: '3' }, text: `Not counted: ${r.message}` })]));
  const table = h('table', { class: 'board-table compact' }, [
    h('caption', { class: 'sr-only', text: 'Games on this browser’s local scoreboard, best first' }),
    h('thead', {}, [h('tr', {}, ['Rank', 'Game', 'Score', 'Total profit', 'Customer equity'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))]),
    h('tbody', {}, [...rows, ...rejected]),
  ]);
  const scroll = h('div', { class: 'local-board-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Local scoreboard table' } }, [table]);
  // The current game's row in view.
  window.setTimeout(() => scroll.querySelector('tr.current')?.scrollIntoView({ block: 'nearest' }), 0);
  return scroll;
}

/** Copies text to the clipboard; where the clipboard is refused, selects the text to copy by hand. */
async function copyText(text: string, shown: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce('Result code copied.');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    announce('The code is selected: press Control+C (Command+C on a Mac) to copy it.');
  }
}
