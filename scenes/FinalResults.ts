// The final results: the balanced scorecard, each component with its weight, the total against
// the scenario's par, and the scenario's debrief notes. Every number is the model's scoreCard.
// Below them: for a group of a workshop heat, its result code (text to copy and a QR code to
// scan); a hot-seat group's code is collected into the workshop and the device goes to the next
// group; solo play goes on this browser's local scoreboard for the scenario and seed, verified by
// replaying every game on it.
import { formatPoints } from '../src/app/format';
import { finalView, localBoardView, resultCodeNote, type LocalBoardView } from '../src/app/final-view';
import { recordSoloGame } from '../src/app/local-board';
import { finishedGameCode, ghostFigures } from '../src/app/results';
import { readWorkshop, withCodes, writeWorkshop } from '../src/app/workshop';
import type { GameState, Scenario, Step } from '../src/sim/index';
import { BaseScene } from './base';
import { openLazy } from './lazy';
import { app } from './context';
import { SCENES } from './keys';
import { openBoard } from './board';
import { COLOURS, COUNT_UP_MS, FIGURE_COLOUR, MEANING, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { qrCanvas } from './ui/qr';


export class FinalResults extends BaseScene {
  constructor() {
    super(SCENES.final);
  }

  create(): void {
    const g = this.begin();
    const { scenario, game, steps } = this.snapshot().context;
    const view = finalView(scenario, game);

    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', view.title), h('p', { class: 'meta', text: view.meta })]),
      h('div', { class: 'header-actions' }, [
        button('Open the debrief', () => this.scene.start(SCENES.debrief), 'primary'),
        button('Back to the title', () => {
          app().session.stop();
          this.scene.start(SCENES.title);
        }, 'secondary'),
      ]),
    ]));

    const left = { x: 16, y: 92, w: 760, h: 440 };
    const right = { x: 792, y: 92, w: 472, h: 440 };
    drawPanel(g, left, COLOURS.panel, COLOURS.joint);
    drawPanel(g, right);
    const total = h('strong', { class: 'total' });
    // Passing par has its moment: a stamp that lands when the total has counted up to it.
    const parMoment = view.parMoment ? h('p', { class: 'par-moment', text: view.parMoment, attrs: { role: 'status' } }) : null;
    const rows = view.rows.map((row) =>
      h('div', { class: 'score-row', attrs: { role: 'row' } }, [
        h('span', { attrs: { role: 'rowheader' }, text: row.label }),
        h('span', { attrs: { role: 'cell' }, text: row.weight }),
        h('span', { attrs: { role: 'cell' }, text: row.points }),
      ]),
    );
    this.place(left.x + 24, left.y + 20, left.w - 48, left.h - 30, h('section', { class: 'scorecard' }, [
      h('h2', { text: 'Your scorecard' }),
      h('div', { class: 'total-head' }, [h('p', { class: 'total-line', attrs: { 'aria-label': view.totalAria } }, [total, h('span', { text: ` / par ${view.par} · ${view.verdict}` })]), parMoment]),
      h('div', { class: 'score-table', attrs: { role: 'table', 'aria-label': 'Scorecard components' } }, [
        h('div', { class: 'score-row thead', attrs: { role: 'row' } }, ['Component', 'Weight', 'Points'].map((t) => h('span', { attrs: { role: 'columnheader' }, text: t }))),
        ...rows,
      ]),
      h('p', { class: 'meta', text: view.totals }),
    ]));
    this.place(right.x + 24, right.y + 20, right.w - 48, right.h - 30, h('section', { class: 'debrief' }, [
      h('h2', { text: 'Debrief' }),
      h('ul', {}, view.debrief.map((t) => h('li', { text: t }))),
      view.dispute ? h('p', { text: view.dispute }) : null,
    ]));

    // Score bars against the par line, grown by a short tween.
    const area = { x: left.x + 400, y: left.y + 151, w: 300, rowH: 48 };
    this.place(area.x + area.w * view.parAt - 40, left.y + 116, 80, 20, h('span', { class: 'par-label', text: `par ${view.par}`, attrs: { 'aria-hidden': 'true' } }));
    const bars = this.add.graphics();
    const draw = (t: number) => {
      bars.clear();
      view.rows.forEach((row, i) => {
        bars.fillStyle(COLOURS.line, 1);
        bars.fillRect(area.x, area.y + i * area.rowH, area.w, 14);
        // Each figure's bar in the figure's own colour, as on the quarter report and in the debrief.
        bars.fillStyle(FIGURE_COLOUR[row.key], 1);
        bars.fillRect(area.x, area.y + i * area.rowH, area.w * row.bar * t, 14);
      });
      const parX = area.x + area.w * view.parAt;
      bars.lineStyle(3, MEANING.par, 1);
      bars.lineBetween(parX, area.y - 12, parX, area.y + view.rows.length * area.rowH - 20);
      total.textContent = formatPoints(view.total * t);
    };
    draw(0);
    const tween = this.tweens.addCounter({ from: 0, to: 1, duration: COUNT_UP_MS, onUpdate: (tw) => draw(tw.getValue() ?? 1), onComplete: () => {
      draw(1);
      parMoment?.classList.add('landed');
    } });
    this.onCleanup(() => tween.remove());

    const band = { x: 16, y: 548, w: WIDTH - 32, h: 160 };
    drawPanel(g, band, COLOURS.panel, COLOURS.muted);
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
    const note = resultCodeNote(hotSeat, workshop !== null, collected);
    const codeText = h('p', { class: 'result-code', text: code, attrs: { id: 'result-code', tabindex: '0', 'aria-label': `Result code of ${group}` } });
    const copy = button('Copy the code', () => void copyText(code, codeText), 'secondary');
    const actions: HTMLElement[] = [];
    if (workshop?.groupsMaySeeBoard) actions.push(button('See the scoreboard', () => openBoard(this, SCENES.projector, { revealAll: true, readOnly: true })));
    if (hotSeat) actions.push(button('Hand the device to the next group', () => openLazy(this, SCENES.handOver), 'primary'));
    this.place(band.x + 20, band.y + 10, band.w - 220, band.h - 16, h('section', { class: 'result-code-panel', attrs: { 'aria-label': 'Your result code' } }, [
      h('div', { class: 'result-code-head' }, [h('h2', { text: `Result code of ${group}` }), copy]),
      codeText,
      h('div', { class: 'result-code-foot' }, [
        h('p', { class: note.alert ? 'alert' : 'meta', attrs: note.alert ? { role: 'alert' } : {}, text: note.text }),
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
    const view = localBoardView(scenario, game.seed, board, group, ghost);
    this.place(band.x + 20, band.y + 10, band.w - 40, band.h - 16, h('section', { class: 'local-board', attrs: { 'aria-label': 'Local scoreboard' } }, [
      h('div', { class: 'local-board-head' }, [
        h('h2', { text: view.heading }),
        h('p', { class: 'meta', text: view.summary }),
      ]),
      problem ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: problem }) : null,
      localBoardTable(view),
    ]));
  }
}

function localBoardTable(view: LocalBoardView): HTMLElement {
  const rows = view.rows.map((r) =>
    h('tr', { class: r.current ? 'current' : '' }, [
      h('td', { text: r.rank }),
      h('th', { attrs: { scope: 'row' }, text: r.game }),
      h('td', { text: r.score }),
      h('td', { text: r.totalProfit }),
      h('td', { text: r.customerEquity }),
    ]),
  );
  const rejected = view.rejected.map((r) => h('tr', { class: 'rejected' }, [h('td', { text: '—' }), h('th', { attrs: { scope: 'row' }, text: r.game }), h('td', { attrs: { colspan: '3' }, text: r.reason })]));
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
