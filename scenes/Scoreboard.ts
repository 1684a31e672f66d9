// The instructor's scoreboard for the workshop's heat. Result codes come in pasted (one per
// line), from a file of codes, or from a photo or screenshot of a QR code; each is verified by
// replaying its decisions, so the score shown is the recomputed one. Rejected codes are listed
// with their reason and harm nothing else. The ranking shows the scorecard's components and
// states the tie-break rule; luck or skill replays every group on other seeds; CSV and JSON
// download; a group's decisions can be played against as a ghost. The projector view is its own
// scene (Projector). What the board shows and keeps is src/app/scoreboard-view.ts's.
import { RESULT_CODE_PREFIX, type BoardEntry, type Scoreboard as Board } from '../src/scoreboard/index';
import {
  LUCK_RUNNING,
  addedCodes,
  boardView,
  clearConfirm,
  luckFor,
  openBoard,
  rememberLuck,
  saveWorkshop,
  setBoardNotice,
  takeBoardNotice,
} from '../src/app/scoreboard-view';
import { splitCodes, tooLongForCode, withCodes, type Workshop } from '../src/app/workshop';
import { warmVerifier } from '../src/app/warm-verifier';
import type { Scenario } from '../src/sim/index';
import { BaseScene } from './base';
import { openLazy } from './lazy';
import type { Opened } from '../src/app/session';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { cameraAvailable, readQrImage, scanWithCamera } from './ui/qr';

export class Scoreboard extends BaseScene {
  private workshop: Workshop | null = null;
  private scenario: Scenario | null = null;
  private board: Board | null = null;
  /** Opens a game (against a group's decisions), saying so on this screen when another tab plays it. */
  private openGame: ((start: (replace: boolean) => Promise<Opened>) => void) | null = null;

  constructor() {
    super(SCENES.scoreboard);
  }

  create(): void {
    const g = this.begin();
    this.openGame = this.refusals();
    const opened = openBoard(app().storage, app().catalogue);
    if (!opened.ok) {
      this.workshop = this.scenario = this.board = null;
      this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', 'Scoreboard'), button('Back to the title', () => this.scene.start(SCENES.title), 'ghost')]));
      this.place(40, 120, WIDTH - 80, 160, h('div', {}, [
        h('p', { class: 'alert', attrs: { role: 'alert' }, text: opened.message }),
        button('Set up a workshop', () => openLazy(this, SCENES.workshop), 'primary'),
      ]));
      return;
    }
    const { workshop, scenario, board, verifyMs } = opened;
    this.workshop = workshop;
    this.scenario = scenario;
    this.board = board;
    const view = boardView(scenario, workshop, board, verifyMs, luckFor(workshop));

    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', view.title), h('p', { class: 'meta', text: view.meta })]),
      h('div', { class: 'header-actions' }, [
        button('Projector view', () => this.scene.start(SCENES.projector, {}), 'primary'),
        button('Back to the workshop', () => openLazy(this, SCENES.workshop), 'ghost'),
      ]),
    ]));
    drawPanel(g, { x: 16, y: 88, w: 360, h: 620 }, COLOURS.panel, COLOURS.joint);
    drawPanel(g, { x: 392, y: 88, w: 872, h: 620 }, COLOURS.panel, COLOURS.marketing);

    // ----- Left: codes in.
    const status = h('p', { class: 'board-status', text: view.status, attrs: { role: 'status', 'data-testid': 'board-status' } });
    status.dataset.verifyMs = verifyMs.toFixed(1);
    status.dataset.codes = String(view.codes);
    const textarea = h('textarea', { attrs: { id: 'board-codes', rows: '7', spellcheck: 'false', autocomplete: 'off', placeholder: `${RESULT_CODE_PREFIX}…` } });
    const fileInput = this.fileInput('.txt,.csv,text/plain', 'codes-file-input', (file) => void this.addFromFile(file));
    const imageInput = this.fileInput('image/*', 'qr-image-input', (file) => void this.addFromImage(file));
    const mayView = h('input', { attrs: { type: 'checkbox', id: 'board-may-view' } });
    mayView.checked = view.groupsMaySeeBoard;
    mayView.addEventListener('change', () => {
      this.save({ ...this.workshop!, groupsMaySeeBoard: mayView.checked });
      announce(mayView.checked ? 'Groups may now see the board at the end of their game.' : 'Groups no longer see the board.');
    });
    const notice = takeBoardNotice();
    this.place(36, 100, 320, 600, h('section', { class: 'board-in', attrs: { 'aria-label': 'Add result codes' } }, [
      h('h2', { text: 'Add result codes' }),
      h('label', { attrs: { for: 'board-codes' }, text: 'Paste codes, one per line' }),
      textarea,
      button('Verify and add', () => this.addCodes(splitCodes(textarea.value), 'pasted'), 'primary'),
      h('div', { class: 'board-in-files' }, [
        button('Choose a file of codes…', () => fileInput.click()),
        button('Scan a QR code image…', () => imageInput.click()),
        cameraAvailable() ? button('Scan with the camera', () => this.openCamera()) : null,
      ]),
      h('p', { class: 'meta', text: 'Or drop a text file of codes, or a photo or screenshot of a QR code, anywhere on this screen.' }),
      status,
      notice ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: notice }) : null,
      view.unstored ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: 'This browser refused to store the board (its storage is full or turned off): the codes shown are not saved, and closing or reloading the page loses them. Download the CSV or JSON to keep them.' }) : null,
      h('label', { class: 'check', attrs: { for: 'board-may-view' } }, [mayView, ' Groups may see the board']),
      h('div', { class: 'board-in-files' }, [
        view.removeRejected ? button(view.removeRejected, () => this.removeRejected(), 'ghost') : null,
        view.codes > 0 ? this.clearButton() : null,
      ]),
    ]));
    this.acceptFileDrops('Drop a file of codes or a QR code image to add it', (file) => void this.addFromFile(file));

    // ----- Right: the ranking, the rejected codes, exports.
    const table = h('table', { class: 'board-table', attrs: { 'aria-describedby': 'tie-break' } }, [
      h('caption', { class: 'sr-only', text: 'Verified groups in rank order' }),
      h('thead', {}, [h('tr', {}, view.columns.map((t) => h('th', { attrs: { scope: 'col' }, text: t })))]),
      h('tbody', {}, view.rows.length === 0
        ? [h('tr', {}, [h('td', { attrs: { colspan: String(view.columns.length) }, text: 'No verified codes yet.' })])]
        : view.rows.map((row) => h('tr', {}, [
          h('td', { text: row.rank }),
          h('th', { attrs: { scope: 'row' }, class: 'group-cell', text: row.group }),
          h('td', { class: 'score-cell', text: row.score }),
          ...row.components.map((points) => h('td', { text: points })),
          h('td', { class: 'luck-cell', text: row.luck }),
          h('td', {}, [button('Play against', () => this.playAgainst(row.entry), 'ghost', row.ghostLabel)]),
        ]))),
    ]);
    const rejected = view.rejected.length === 0
      ? h('p', { class: 'meta', text: 'No code was rejected.' })
      : h('ul', { class: 'rejected-list' }, view.rejected.map((r) => h('li', {}, [h('strong', { text: r.head }), h('span', { class: 'reject-reason', text: r.reason })])));
    const luckButton = button(view.luckButton.label, () => this.computeLuck(status), 'secondary');
    luckButton.disabled = !view.luckButton.enabled;
    this.place(408, 96, 840, 604, h('section', { class: 'board-out', attrs: { 'aria-label': 'The board' } }, [
      h('h2', { text: view.rankingTitle }),
      h('p', { class: 'meta tie-break', attrs: { id: 'tie-break' }, text: view.tieBreak }),
      h('div', { class: 'board-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Ranking table' } }, [table]),
      h('h2', { text: view.rejectedTitle }),
      h('div', { class: 'rejected-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Rejected codes' } }, [rejected]),
      h('div', { class: 'board-exports' }, [
        luckButton,
        button('Download CSV', () => void this.download('csv'), 'secondary'),
        button('Download JSON', () => void this.download('json'), 'secondary'),
      ]),
      view.luckRule ? h('p', { class: 'meta luck-rule', text: view.luckRule }) : null,
    ]));

    // The first codes pasted are then checked by warm code, not by the JIT's first pass.
    const timer = window.setTimeout(() => warmVerifier(scenario), 0);
    this.onCleanup(() => window.clearTimeout(timer));
  }

  private save(workshop: Workshop): void {
    this.workshop = workshop;
    saveWorkshop(app().storage, workshop);
  }

  /** A dialog with the camera's picture; closes by itself once a code is read. */
  private openCamera(): void {
    const video = h('video', { class: 'camera-video', attrs: { 'aria-label': 'The camera’s picture' } });
    let stop: () => void = () => undefined;
    const close = () => {
      stop();
      window.removeEventListener('keydown', onKey);
      layer.destroy();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const cancel = button('Close the camera', close, 'secondary');
    const dialog = h('div', { class: 'dialog camera-dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Scan a QR code with the camera' } }, [
      h('h2', { text: 'Hold the group’s QR code in front of the camera' }),
      video,
      h('div', { class: 'dialog-actions' }, [h('p', { class: 'meta', text: 'The code is added as soon as it is read.' }), cancel]),
    ]);
    const layer = this.place(0, 0, WIDTH, HEIGHT, h('div', { class: 'backdrop' }, [dialog]));
    layer.setDepth(900);
    window.addEventListener('keydown', onKey);
    this.onCleanup(() => {
      stop();
      window.removeEventListener('keydown', onKey);
    });
    cancel.focus();
    stop = scanWithCamera(
      video,
      (code) => {
        close();
        this.addCodes([code], 'scanned with the camera');
      },
      (message) => {
        close();
        this.reshow(message);
      },
    );
  }

  private clearButton(): HTMLButtonElement {
    let armed = false;
    const el = button('Clear the board', () => {
      if (!armed) {
        armed = true;
        el.textContent = clearConfirm(this.workshop!.codes.length);
        return;
      }
      this.save({ ...this.workshop!, codes: [] });
      this.scene.restart();
    }, 'ghost');
    return el;
  }

  private addCodes(codes: string[], from: string): void {
    if (codes.length === 0) {
      announce(`No codes ${from}.`);
      return;
    }
    const before = this.workshop!.codes.length;
    const tooLong = codes.filter(tooLongForCode).length;
    this.save(withCodes(this.workshop!, codes));
    const said = addedCodes(codes.length, this.workshop!.codes.length - before, tooLong, from);
    announce(said.announce);
    this.reshow(said.notice);
  }

  private removeRejected(): void {
    const bad = new Set(this.board!.rejected.map((r) => r.position));
    this.save({ ...this.workshop!, codes: this.workshop!.codes.filter((_, i) => !bad.has(i)) });
    this.reshow();
  }

  private async addFromFile(file: File): Promise<void> {
    if (file.type.startsWith('image/')) return this.addFromImage(file);
    const text = file.size > 2_000_000 ? '' : await file.text();
    this.addCodes(splitCodes(text), `from ${file.name}`);
  }

  private async addFromImage(file: File): Promise<void> {
    announce(`Looking for a QR code in ${file.name}…`);
    const code = await readQrImage(file);
    if (code === null) {
      this.reshow(`No QR code could be read in ${file.name}. Try a sharper or closer picture, or paste the code as text.`);
      return;
    }
    this.addCodes([code], `scanned from ${file.name}`);
  }

  /** Restarts the scene to show new content (the loop may be asleep after an await). */
  private reshow(message: string | null = null): void {
    if (!this.sys.isActive()) return;
    setBoardNotice(message);
    this.scene.restart();
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  // The luck-or-skill report and the exports are loaded when first asked for, like the QR reader:
  // an instructor's tools, not part of what every trainee's page loads to start.
  private computeLuck(status: HTMLElement): void {
    status.textContent = LUCK_RUNNING;
    const failed = () => (status.textContent = 'The luck-or-skill report could not be loaded: is the game’s server still running? Reload the page and try again.');
    // The timeout lets the status above show before the replays hold the page.
    void import('../src/scoreboard/luck').then(({ boardLuckOrSkill }) => window.setTimeout(() => {
      const start = performance.now();
      const luck = boardLuckOrSkill(this.scenario!, this.board!);
      if (luck) rememberLuck(this.workshop!, luck);
      announce(`Luck or skill computed in ${((performance.now() - start) / 1000).toFixed(1)} seconds.`);
      this.reshow();
    }, 30), failed);
  }

  private async download(kind: 'csv' | 'json'): Promise<void> {
    let exporters: typeof import('../src/scoreboard/export');
    try {
      exporters = await import('../src/scoreboard/export');
    } catch {
      announce('The download could not be prepared: is the game’s server still running? Reload the page and try again.');
      return;
    }
    const { scoreboardCsv, scoreboardJson } = exporters;
    const board = this.board!;
    const luck = luckFor(this.workshop!);
    const text = kind === 'csv' ? scoreboardCsv(board, this.scenario!.quarters, luck) : `${JSON.stringify(scoreboardJson(board, luck), null, 2)}\n`;
    const blob = new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { attrs: { href: url, download: `scoreboard-${this.scenario!.id}-seed-${this.workshop!.seed}.${kind}` } });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private playAgainst(e: BoardEntry): void {
    const scenario = this.scenario!;
    const workshop = this.workshop!;
    this.openGame?.((replace) => app().session.newGame(scenario, workshop.seed, { mode: 'solo', group: null, scenarioId: scenario.id, seed: workshop.seed, heatCode: workshop.heatCode, ghost: { group: e.group, code: e.code } }, { replace }));
  }

  private fileInput(accept: string, testId: string, onFile: (file: File) => void): HTMLInputElement {
    const input = h('input', { class: 'sr-only', attrs: { type: 'file', accept, tabindex: '-1', 'aria-hidden': 'true', 'data-testid': testId } });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) onFile(file);
    });
    document.body.append(input);
    this.onCleanup(() => input.remove());
    return input;
  }
}
