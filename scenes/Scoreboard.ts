// The instructor's scoreboard for the workshop's heat. Result codes come in pasted (one per
// line), from a file of codes, or from a photo or screenshot of a QR code; each is verified by
// replaying its decisions (buildScoreboard), so the score shown is the recomputed one. Rejected
// codes are listed with their reason and harm nothing else. The ranking shows the scorecard's
// components and states the tie-break rule; luck or skill replays every group on 100 other seeds;
// CSV and JSON download; a projector view reveals the places one at a time, last to first; and a
// group's decisions can be played against as a ghost.
import { MAX_CODE_CHARS, RESULT_CODE_PREFIX, buildScoreboard, HeatCodeError, type Scoreboard as Board, type BoardEntry } from '../src/scoreboard/index';
import type { LuckOrSkill } from '../src/scoreboard/luck';
import { readWorkshop, splitCodes, tooLongForCode, withCodes, writeWorkshop, type Workshop } from '../src/app/workshop';
import { warmVerifier } from '../src/app/warm-verifier';
import { formatPoints } from '../src/app/format';
import type { Scenario } from '../src/sim/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { cameraAvailable, readQrImage, scanWithCamera } from './ui/qr';

export interface ScoreboardData {
  /** Large type, places revealed one at a time. */
  projector?: boolean;
  /** Every place shown at once (a group looking at the board). */
  revealAll?: boolean;
  /** A group's view: the ranking only, no codes to add, nothing to download. */
  readOnly?: boolean;
  /** How many places the projector view had revealed (kept across a restart). */
  revealed?: number;
}

const COMPONENTS = [
  ['profit', 'Profit'],
  ['revenue', 'Revenue'],
  ['customerEquity', 'Cust. equity'],
  ['portfolioHealth', 'Portfolio'],
  ['collaboration', 'Collab.'],
] as const;

const pct = (n: number) => `${Math.round(n * 100)}%`;

// One luck-or-skill report per board content: it replays 100 seeds per group, so it is kept
// while the codes stay the same (across the projector view and back).
let luckCache: { key: string; luck: LuckOrSkill } | null = null;
/** A problem to show once on the next board (a QR image that could not be read). */
let notice: string | null = null;
/**
 * The board as last changed when the browser refused to store it (storage full or turned off):
 * the scene restarts by reading storage, so without this a refused write would lose the codes on
 * screen too. Used only while it is for the same heat as the stored workshop.
 */
let unstored: Workshop | null = null;
const boardKey = (w: Workshop) => `${w.scenarioId}:${w.seed}:${w.codes.join('\n')}`;

export class Scoreboard extends BaseScene {
  private workshop: Workshop | null = null;
  private scenario: Scenario | null = null;
  private board: Board | null = null;
  private verifyMs = 0;

  constructor() {
    super(SCENES.scoreboard);
  }

  create(data: ScoreboardData = {}): void {
    const projector = data.projector === true;
    this.begin(projector ? COLOURS.night : COLOURS.paper);
    const { catalogue, storage } = app();
    const read = readWorkshop(storage);
    this.workshop = read.status === 'ok' ? read.workshop : null;
    if (unstored && this.workshop && unstored.heatCode === this.workshop.heatCode) this.workshop = unstored;
    else unstored = null;
    this.scenario = this.workshop ? (catalogue.scenarios.find((s) => s.id === this.workshop!.scenarioId)?.scenario ?? null) : null;
    if (!this.workshop || !this.scenario) {
      this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', 'Scoreboard'), button('Back to the title', () => this.scene.start(SCENES.title), 'ghost')]));
      this.place(40, 120, WIDTH - 80, 160, h('div', {}, [
        h('p', { class: 'alert', attrs: { role: 'alert' }, text: read.status === 'rejected' ? read.message : this.workshop ? `The workshop’s scenario “${this.workshop.scenarioId}” is not available here.` : 'There is no workshop on this device yet. Set one up first: its scenario, seed and groups make the heat the board checks codes against.' }),
        button('Set up a workshop', () => this.scene.start(SCENES.workshop), 'primary'),
      ]));
      return;
    }
    this.rebuild();
    if (projector) this.showProjector(data);
    else {
      this.showBoard();
      // The first codes pasted are then checked by warm code, not by the JIT's first pass.
      const scenario = this.scenario;
      const timer = window.setTimeout(() => warmVerifier(scenario), 0);
      this.onCleanup(() => window.clearTimeout(timer));
    }
  }

  /** Verifies every code of the workshop against its heat, timing it. */
  private rebuild(): void {
    const workshop = this.workshop!;
    const scenario = this.scenario!;
    const start = performance.now();
    try {
      this.board = buildScoreboard(scenario, workshop.codes.map((code, i) => ({ code, label: `code ${i + 1}` })), { heat: workshop.heatCode });
    } catch (error) {
      if (!(error instanceof HeatCodeError)) throw error;
      // The workshop's heat code was made for another version of the scenario: check against the seed alone.
      this.board = buildScoreboard(scenario, workshop.codes);
    }
    this.verifyMs = performance.now() - start;
  }

  private save(workshop: Workshop): void {
    this.workshop = workshop;
    unstored = writeWorkshop(app().storage, workshop) ? null : workshop;
  }

  private luck(): LuckOrSkill | null {
    return luckCache && luckCache.key === boardKey(this.workshop!) ? luckCache.luck : null;
  }

  // ---------------------------------------------------------------------------------------
  // The instructor's board

  private showBoard(): void {
    const g = this.backdrop.g;
    const workshop = this.workshop!;
    const scenario = this.scenario!;
    this.place(16, 12, WIDTH - 32, 64, h('header', { class: 'screen-header' }, [
      h('div', {}, [
        this.heading('h1', `Scoreboard: ${scenario.title}`),
        h('p', { class: 'meta', text: `Heat ${workshop.heatCode} · seed ${workshop.seed} · ${workshop.groups.length} groups in the workshop` }),
      ]),
      h('div', { class: 'header-actions' }, [
        button('Projector view', () => this.scene.restart({ projector: true } satisfies ScoreboardData), 'primary'),
        button('Back to the workshop', () => this.scene.start(SCENES.workshop), 'ghost'),
      ]),
    ]));
    drawPanel(g, { x: 16, y: 88, w: 360, h: 620 }, COLOURS.panel, COLOURS.joint);
    drawPanel(g, { x: 392, y: 88, w: 872, h: 620 }, COLOURS.panel, COLOURS.marketing);

    // ----- Left: codes in.
    const status = h('p', { class: 'board-status', attrs: { role: 'status', 'data-testid': 'board-status' } });
    const textarea = h('textarea', { attrs: { id: 'board-codes', rows: '7', spellcheck: 'false', autocomplete: 'off', placeholder: `${RESULT_CODE_PREFIX}…` } });
    const fileInput = this.fileInput('.txt,.csv,text/plain', 'codes-file-input', (file) => void this.addFromFile(file));
    const imageInput = this.fileInput('image/*', 'qr-image-input', (file) => void this.addFromImage(file));
    const mayView = h('input', { attrs: { type: 'checkbox', id: 'board-may-view' } });
    mayView.checked = workshop.groupsMaySeeBoard;
    mayView.addEventListener('change', () => {
      this.save({ ...this.workshop!, groupsMaySeeBoard: mayView.checked });
      announce(mayView.checked ? 'Groups may now see the board at the end of their game.' : 'Groups no longer see the board.');
    });
    const rejectedCount = this.board!.rejected.length;
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
      unstored ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: 'This browser refused to store the board (its storage is full or turned off): the codes shown are not saved, and closing or reloading the page loses them. Download the CSV or JSON to keep them.' }) : null,
      h('label', { class: 'check', attrs: { for: 'board-may-view' } }, [mayView, ' Groups may see the board']),
      h('div', { class: 'board-in-files' }, [
        rejectedCount > 0 ? button(`Remove the ${rejectedCount} rejected`, () => this.removeRejected(), 'ghost') : null,
        workshop.codes.length > 0 ? this.clearButton() : null,
      ]),
    ]));
    const count = workshop.codes.length;
    status.textContent = count === 0 ? 'No codes yet.' : `${count} code${count === 1 ? '' : 's'} verified by replaying in ${Math.round(this.verifyMs)} ms: ${this.board!.entries.length} on the board, ${this.board!.rejected.length} rejected.`;
    status.dataset.verifyMs = this.verifyMs.toFixed(1);
    status.dataset.codes = String(count);
    notice = null;
    this.acceptFileDrops('Drop a file of codes or a QR code image to add it', (file) => void this.addFromFile(file));

    // ----- Right: the ranking, the rejected codes, exports.
    const board = this.board!;
    const luck = this.luck();
    const luckOf = new Map((luck?.rows ?? []).map((r) => [r.position, r]));
    const table = h('table', { class: 'board-table', attrs: { 'aria-describedby': 'tie-break' } }, [
      h('caption', { class: 'sr-only', text: 'Verified groups in rank order' }),
      h('thead', {}, [h('tr', {}, ['Rank', 'Group', 'Score', ...COMPONENTS.map(([, label]) => label), 'Luck or skill', 'Ghost'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))]),
      h('tbody', {}, board.entries.length === 0
        ? [h('tr', {}, [h('td', { attrs: { colspan: '10' }, text: 'No verified codes yet.' })])]
        : board.entries.map((e) => this.row(e, luckOf.get(e.position)))),
    ]);
    const rejected = board.rejected.length === 0
      ? h('p', { class: 'meta', text: 'No code was rejected.' })
      : h('ul', { class: 'rejected-list' }, board.rejected.map((r) =>
        h('li', {}, [h('strong', { text: `${r.label}${r.group ? ` (${r.group})` : ''}: ` }), h('span', { class: 'reject-reason', text: `${r.message}.` })]),
      ));
    const luckButton = button(luck ? 'Luck or skill: computed' : 'Luck or skill: replay on 100 other seeds', () => this.computeLuck(status), 'secondary');
    luckButton.disabled = luck !== null || board.entries.length === 0;
    this.place(408, 96, 840, 604, h('section', { class: 'board-out', attrs: { 'aria-label': 'The board' } }, [
      h('h2', { text: `Ranking (${board.entries.length} verified)` }),
      h('p', { class: 'meta tie-break', attrs: { id: 'tie-break' }, text: board.tieBreakRule }),
      h('div', { class: 'board-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Ranking table' } }, [table]),
      h('h2', { text: `Rejected codes (${board.rejected.length})` }),
      h('div', { class: 'rejected-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Rejected codes' } }, [rejected]),
      h('div', { class: 'board-exports' }, [
        luckButton,
        button('Download CSV', () => void this.download('csv'), 'secondary'),
        button('Download JSON', () => void this.download('json'), 'secondary'),
      ]),
      luck ? h('p', { class: 'meta luck-rule', text: `Luck or skill: each group’s decisions on ${luck.seeds.length} other seeds — mean score ± spread, and how often it keeps its rank. ${luck.rule}` }) : null,
    ]));
  }

  private row(e: BoardEntry, luck: { mean: number; sd: number; rankHeld: number } | undefined): HTMLElement {
    const ghost = button('Play against', () => this.playAgainst(e), 'ghost', `Play against this group’s decisions: ${e.group}`);
    return h('tr', {}, [
      h('td', { text: String(e.rank) }),
      h('th', { attrs: { scope: 'row' }, class: 'group-cell', text: e.group }),
      h('td', { class: 'score-cell', text: formatPoints(e.score) }),
      ...COMPONENTS.map(([key]) => h('td', { text: formatPoints(e.scorecard[key]) })),
      h('td', { class: 'luck-cell', text: luck ? `${formatPoints(luck.mean)} ± ${formatPoints(luck.sd)} · rank held ${pct(luck.rankHeld)}` : '—' }),
      h('td', {}, [ghost]),
    ]);
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
        this.reshow({}, message);
      },
    );
  }

  private clearButton(): HTMLButtonElement {
    let armed = false;
    const el = button('Clear the board', () => {
      if (!armed) {
        armed = true;
        el.textContent = `Really remove all ${this.workshop!.codes.length} codes?`;
        return;
      }
      this.save({ ...this.workshop!, codes: [] });
      this.scene.restart({});
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
    const added = this.workshop!.codes.length - before;
    announce(`${added} new code${added === 1 ? '' : 's'} ${from}; ${codes.length - added - tooLong} already on the board.`);
    this.reshow({}, tooLong > 0 ? `${tooLong} line${tooLong === 1 ? ' was' : 's were'} too long to be a result code (over ${MAX_CODE_CHARS.toLocaleString('en-US')} characters) and ${tooLong === 1 ? 'was' : 'were'} not added.` : undefined);
  }

  private removeRejected(): void {
    const bad = new Set(this.board!.rejected.map((r) => r.position));
    this.save({ ...this.workshop!, codes: this.workshop!.codes.filter((_, i) => !bad.has(i)) });
    this.reshow({});
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
      this.reshow({}, `No QR code could be read in ${file.name}. Try a sharper or closer picture, or paste the code as text.`);
      return;
    }
    this.addCodes([code], `scanned from ${file.name}`);
  }

  /** Restarts the scene to show new content (the loop may be asleep after an await). */
  private reshow(data: ScoreboardData, message?: string): void {
    if (!this.sys.isActive()) return;
    notice = message ?? null;
    this.scene.restart(data);
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  // The luck-or-skill report and the exports are loaded when first asked for, like the QR reader:
  // an instructor's tools, not part of what every trainee's page loads to start.
  private computeLuck(status: HTMLElement): void {
    status.textContent = 'Replaying every group on 100 other seeds…';
    const failed = () => (status.textContent = 'The luck-or-skill report could not be loaded: is the game’s server still running? Reload the page and try again.');
    // The timeout lets the status above show before the replays hold the page.
    void import('../src/scoreboard/luck').then(({ boardLuckOrSkill }) => window.setTimeout(() => {
      const start = performance.now();
      const luck = boardLuckOrSkill(this.scenario!, this.board!);
      if (luck) luckCache = { key: boardKey(this.workshop!), luck };
      announce(`Luck or skill computed in ${((performance.now() - start) / 1000).toFixed(1)} seconds.`);
      this.reshow({});
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
    const luck = this.luck();
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
    app().session.newGame(scenario, workshop.seed, { mode: 'solo', group: null, scenarioId: scenario.id, seed: workshop.seed, heatCode: workshop.heatCode, ghost: { group: e.group, code: e.code } });
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


  // ---------------------------------------------------------------------------------------
  // The projector view

  private showProjector(data: ScoreboardData): void {
    const g = this.backdrop.g;
    const board = this.board!;
    const scenario = this.scenario!;
    const entries = board.entries;
    const readOnly = data.readOnly === true;
    let revealed = data.revealAll ? entries.length : Math.min(entries.length, data.revealed ?? 0);
    g.fillStyle(COLOURS.marketing, 1);
    g.fillRect(0, HEIGHT - 10, WIDTH / 2, 10);
    g.fillStyle(COLOURS.sales, 1);
    g.fillRect(WIDTH / 2, HEIGHT - 10, WIDTH / 2, 10);

    const back = readOnly
      ? button('Back', () => (app().session.snapshot() ? this.scene.start(SCENES.final) : this.scene.start(SCENES.title)), 'secondary')
      : button('Back to the board', () => this.scene.restart({}), 'secondary');
    const next = button('Reveal next', () => reveal(1), 'primary', 'Reveal next place (key N)');
    const all = button('Reveal all', () => reveal(entries.length), 'secondary');
    this.place(32, 16, WIDTH - 64, 84, h('header', { class: 'screen-header projector-header' }, [
      h('div', {}, [this.heading('h1', `Scoreboard: ${scenario.title}`), h('p', { class: 'projector-meta', text: `Heat ${board.heatCode ?? '—'} · ${entries.length} groups verified by replaying their decisions` })]),
      h('div', { class: 'header-actions' }, readOnly ? [back] : [next, all, back]),
    ]));
    const list = h('ol', { class: 'projector-list', attrs: { 'aria-label': 'Places, first to last' } });
    const rows = entries.map((e) => {
      const li = h('li', { class: 'projector-row' });
      list.append(li);
      return { e, li };
    });
    const draw = () => {
      rows.forEach(({ e, li }, i) => {
        const shown = i >= entries.length - revealed;
        li.classList.toggle('hidden-place', !shown);
        li.replaceChildren(
          h('span', { class: 'place', text: `${e.rank}.` }),
          h('span', { class: 'place-group', text: shown ? e.group : 'to be revealed' }),
          h('span', { class: 'place-score', text: shown ? formatPoints(e.score) : '' }),
        );
      });
      next.disabled = revealed >= entries.length;
      all.disabled = revealed >= entries.length;
    };
    const reveal = (n: number) => {
      if (revealed >= entries.length) return;
      revealed = Math.min(entries.length, revealed + n);
      draw();
      const e = entries[entries.length - revealed]!;
      announce(n === 1 ? `Place ${e.rank}: ${e.group}, score ${formatPoints(e.score)}.` : 'Every place revealed.');
    };
    draw();
    const many = entries.length > 9;
    this.place(80, 116, WIDTH - 160, 580, h('div', { class: `projector-scroll${many ? ' many' : ''}`, attrs: { tabindex: '0', role: 'region', 'aria-label': 'Ranking' } }, [
      entries.length === 0 ? h('p', { class: 'projector-empty', text: 'No verified codes yet.' }) : list,
      h('p', { class: 'projector-rule', text: board.tieBreakRule }),
    ]));
    if (!readOnly) {
      // A presenter's clicker sends Page Down or the right arrow; N is the button's own key.
      const onKey = (event: KeyboardEvent) => {
        if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
        if (event.key === 'n' || event.key === 'N' || event.key === 'PageDown' || event.key === 'ArrowRight') {
          event.preventDefault();
          reveal(1);
        }
      };
      window.addEventListener('keydown', onKey);
      this.onCleanup(() => window.removeEventListener('keydown', onKey));
    }
  }
}
