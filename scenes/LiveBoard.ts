// The instructor's live workshop, on the workshop server: first a form to create one (scenario,
// pacing, missed rule, held results, seed, groups), then the live board — the join code large
// with its link and QR code, who has joined and who is still planning, the standings the server
// replayed, and the round's controls. Every figure comes from the server over the live channel.
import { LiveApiError, liveApi, openChannel } from '../src/app/live-api';
import { readLiveInstructor, writeLiveInstructor, type LiveInstructor } from '../src/app/live-instructor';
import { liveBoardModel, liveProjectorModel } from '../src/app/live-view';
import type { BoardView } from '../src/scoreboard/live-wire';
import { MAX_SEED } from '../src/scoreboard/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { qrCanvas } from './ui/qr';

export class LiveBoard extends BaseScene {
  constructor() {
    super(SCENES.liveBoard);
  }

  create(data: { projector?: boolean } = {}): void {
    const { storage } = app();
    const held = readLiveInstructor(storage);
    if (held && data.projector) {
      this.projector(held);
      return;
    }
    const g = this.begin();
    const back = button('Back to the title', () => this.scene.start(SCENES.title), 'ghost');
    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', held ? 'Live workshop' : 'Create a live workshop'), back]));
    if (held) this.board(g, held);
    else this.form(g);
  }

  private form(g: Phaser.GameObjects.Graphics): void {
    const { catalogue, storage } = app();
    drawPanel(g, { x: 240, y: 100, w: 800, h: 600 }, COLOURS.panel, COLOURS.joint);
    const scenario = h('select', { attrs: { id: 'live-scenario' } }, catalogue.scenarios.map((s) => h('option', { text: s.scenario.title, attrs: { value: s.id } })));
    const pacing = h('select', { attrs: { id: 'live-pacing' } }, [
      h('option', { text: 'Instructor-paced: every group plans the same quarter; you close each round', attrs: { value: 'instructor' } }),
      h('option', { text: 'Self-paced: groups play at their own speed', attrs: { value: 'self' } }),
    ]);
    const missed = h('select', { attrs: { id: 'live-missed' } }, [
      h('option', { text: 'Plays its last plan again', attrs: { value: 'carry' } }),
      h('option', { text: 'Plays no moves', attrs: { value: 'none' } }),
    ]);
    const hold = h('input', { attrs: { id: 'live-hold', type: 'checkbox' } });
    const seed = h('input', { attrs: { id: 'live-seed', type: 'number', min: '0', max: String(MAX_SEED), step: '1', inputmode: 'numeric', placeholder: 'random' } });
    const groups = h('textarea', { attrs: { id: 'live-groups', rows: '4', placeholder: 'Leave empty to let groups name themselves' } });
    const error = h('div', { attrs: { role: 'alert' } });
    const create = async () => {
      error.replaceChildren();
      const seedText = seed.value.trim();
      const names = groups.value.split('\n').map((n) => n.trim()).filter((n) => n !== '');
      try {
        const made = await liveApi.create({
          scenario: scenario.value,
          pacing: pacing.value as 'self' | 'instructor',
          missed: missed.value as 'carry' | 'none',
          hold: hold.checked,
          ...(seedText === '' ? {} : { seed: Number(seedText) }),
          ...(names.length > 0 ? { groups: names } : {}),
        });
        writeLiveInstructor(storage, { workshop: made.workshop.id, secret: made.instructorSecret });
        this.scene.restart();
        BaseScene.wake(this.game);
      } catch (e) {
        error.replaceChildren(h('p', { class: 'alert', text: `The workshop was not created: ${(e as Error).message}.` }));
      }
    };
    const form = h('form', { class: 'workshop-form live-form', attrs: { 'aria-label': 'Create a live workshop', novalidate: '' } }, [
      h('p', { text: 'Groups join on their own devices with the workshop’s code; their results arrive here by themselves, verified by the server’s own replay.' }),
      h('label', { attrs: { for: 'live-scenario' }, text: 'Scenario' }),
      scenario,
      h('label', { attrs: { for: 'live-pacing' }, text: 'Pacing' }),
      pacing,
      h('label', { attrs: { for: 'live-missed' }, text: 'A group that has not sent its plan when a round closes' }),
      missed,
      h('label', { class: 'check', attrs: { for: 'live-hold' } }, [hold, h('span', { text: ' Hold each round’s results until I release them' })]),
      h('label', { attrs: { for: 'live-seed' }, text: 'Seed (empty for a random one)' }),
      seed,
      h('label', { attrs: { for: 'live-groups' }, text: 'Group names, one per line (optional)' }),
      groups,
      error,
      h('div', { class: 'footer-actions' }, [h('button', { class: 'btn btn-primary', text: 'Create the workshop', attrs: { type: 'submit' } })]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void create();
    });
    this.place(272, 116, 736, 570, form);
  }

  private board(g: Phaser.GameObjects.Graphics, held: LiveInstructor): void {
    const { storage } = app();
    drawPanel(g, { x: 40, y: 100, w: 340, h: 600 }, COLOURS.panel, COLOURS.joint);
    drawPanel(g, { x: 400, y: 100, w: 840, h: 600 }, COLOURS.panel, COLOURS.marketing);
    const joinLink = `${location.origin}/?join=${held.workshop}`;
    this.place(60, 116, 300, 570, h('section', { class: 'live-join', attrs: { 'aria-label': 'How groups join' } }, [
      h('h2', { text: 'Groups join with' }),
      h('p', { class: 'heat-code live-code', attrs: { 'data-testid': 'live-code' }, text: held.workshop }),
      h('p', { class: 'meta', text: 'On the title screen: Join a workshop heat. Or scan:' }),
      qrCanvas(joinLink, 200, `QR code of the join link ${joinLink}`),
      h('p', { class: 'meta live-link', text: joinLink }),
    ]));
    const progress = h('p', { class: 'live-progress', attrs: { role: 'status', 'aria-live': 'polite' } });
    const controls = h('div', { class: 'live-controls' });
    const table = h('div', { class: 'live-table' });
    const codes = h('div', { class: 'live-codes' });
    const problem = h('div', { attrs: { role: 'alert' } });
    const codeInput = h('input', { attrs: { id: 'live-add-code', type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: 'MSR2-…', 'aria-label': 'A result code from offline play' } });
    let view: BoardView | null = null;
    let confirmRollBack = false;
    const act = async (action: string, body: object, done: string) => {
      problem.replaceChildren();
      try {
        view = await liveApi.act(held.workshop, held.secret, action, body);
        announce(done);
        draw();
      } catch (e) {
        problem.replaceChildren(h('p', { class: 'alert', text: e instanceof LiveApiError ? `${e.message}.` : String(e) }));
      }
    };
    const download = async (kind: 'csv' | 'json') => {
      try {
        const value = await liveApi.exportText(held.workshop, held.secret, kind);
        const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
        const url = URL.createObjectURL(new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' }));
        const a = h('a', { attrs: { href: url, download: `workshop-${held.workshop}.${kind}` } });
        document.body.append(a);
        a.click();
        a.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      } catch (e) {
        problem.replaceChildren(h('p', { class: 'alert', text: `The download failed: ${(e as Error).message}.` }));
      }
    };
    const draw = () => {
      if (view === null) return;
      const m = liveBoardModel(view);
      progress.textContent = m.deadline ? `${m.progress} Deadline: ${m.deadline}.` : m.progress;
      const buttons: HTMLElement[] = [];
      if (m.round !== null) {
        const round = m.round;
        if (m.canClose) buttons.push(button(`Close quarter ${round}`, () => void act('rounds/close', { quarter: round }, `Quarter ${round} closed.`), 'primary'));
        buttons.push(m.paused ? button('Resume', () => void act('resume', {}, 'Resumed.')) : button('Pause', () => void act('pause', {}, 'Paused.')));
        buttons.push(button('Deadline in 2 minutes', () => void act('deadline', { quarter: round, minutes: 2 }, 'Deadline set.')));
        if (m.deadline !== null) buttons.push(button('Clear the deadline', () => void act('deadline', { quarter: round, minutes: null }, 'Deadline cleared.'), 'ghost'));
      }
      if (m.canRelease !== null) {
        const q = m.canRelease;
        buttons.push(button(`Release quarter ${q}’s results`, () => void act('release', { quarter: q }, `Quarter ${q} released.`), 'primary'));
      }
      if (m.canRollBack !== null) {
        const q = m.canRollBack;
        buttons.push(
          confirmRollBack
            ? button(`Confirm: reopen quarter ${q} (its plans are discarded)`, () => {
                confirmRollBack = false;
                void act('rounds/rollback', { quarter: q }, `Quarter ${q} reopened.`);
              }, 'secondary')
            : button(`Roll back quarter ${q}`, () => {
                confirmRollBack = true;
                draw();
              }, 'ghost'),
        );
      }
      buttons.push(
        button('Projector view', () => this.scene.restart({ projector: true })),
        button('Download CSV', () => void download('csv'), 'ghost'),
        button('Download JSON', () => void download('json'), 'ghost'),
      );
      controls.replaceChildren(...buttons);
      const head = h('tr', {}, ['#', 'Group', 'Status', 'Quarters', 'Missed', 'Score', 'Customer equity'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })));
      const rows = m.rows.map((r) =>
        h('tr', { class: `live-${r.state}` }, [
          h('td', { text: r.rank }),
          h('th', { text: r.name, attrs: { scope: 'row' } }),
          h('td', { text: r.status }),
          h('td', { text: r.played }),
          h('td', { text: r.missed }),
          h('td', { text: r.score }),
          h('td', { text: r.customerEquity }),
        ]),
      );
      table.replaceChildren(h('table', { class: 'board-table', attrs: { 'aria-label': 'Groups and standings' } }, [h('thead', {}, [head]), h('tbody', {}, rows)]));
      codes.replaceChildren(...m.codes.map((c) => h('p', { class: c.ok ? 'meta' : 'meta live-rejected', text: `${c.label}: ${c.text}` })));
    };
    const addCode = h('form', { class: 'live-add', attrs: { 'aria-label': 'Add a result code from offline play' } }, [codeInput, h('button', { class: 'btn btn-secondary', text: 'Add code', attrs: { type: 'submit' } })]);
    addCode.addEventListener('submit', (event) => {
      event.preventDefault();
      const code = codeInput.value.trim();
      if (code === '') return;
      void act('codes', { code }, 'Code added.').then(() => (codeInput.value = ''));
    });
    const forget = button('Forget this workshop on this device', () => {
      writeLiveInstructor(storage, null);
      this.scene.restart();
    }, 'ghost');
    this.place(420, 112, 800, 580, h('section', { class: 'live-board', attrs: { 'aria-label': 'Live board' } }, [progress, controls, problem, table, h('h2', { text: 'Result codes from offline play' }), addCode, codes, forget]));
    const channel = openChannel(held.workshop, held.secret, (v) => {
      view = v as BoardView;
      draw();
    }, (status, why) => {
      if (why !== null) problem.replaceChildren(h('p', { class: 'alert', text: `The server refused this board: ${why}.` }));
      else if (status === 'retrying') progress.textContent = 'Reconnecting to the workshop server…';
    });
    const tick = setInterval(draw, 1000);
    this.onCleanup(() => {
      channel.close();
      clearInterval(tick);
    });
  }

  /** The standings in large type for the room: only what the instructor has released. */
  private projector(held: LiveInstructor): void {
    const g = this.begin(COLOURS.night);
    g.fillStyle(COLOURS.marketing, 1);
    g.fillRect(0, HEIGHT - 10, WIDTH / 2, 10);
    g.fillStyle(COLOURS.sales, 1);
    g.fillRect(WIDTH / 2, HEIGHT - 10, WIDTH / 2, 10);
    const heading = this.heading('h1', 'Live workshop');
    const meta = h('p', { class: 'projector-meta', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.place(40, 24, WIDTH - 80, 90, h('div', { class: 'screen-header projector-header' }, [
      h('div', {}, [heading, meta]),
      button('Back to the board', () => this.scene.restart({}), 'secondary'),
    ]));
    const list = h('ol', { class: 'live-projector', attrs: { 'aria-label': 'Standings' } });
    this.place(120, 130, WIDTH - 240, HEIGHT - 170, list);
    const channel = openChannel(held.workshop, held.secret, (v) => {
      const m = liveProjectorModel(v as BoardView);
      heading.textContent = m.heading;
      meta.textContent = m.meta;
      list.classList.toggle('two-columns', m.rows.length > 6);
      list.replaceChildren(...m.rows.map((r) => h('li', {}, [h('span', { class: 'place', text: r.rank }), h('span', { class: 'name', text: r.name }), h('span', { class: 'score', text: r.score })])));
    }, () => undefined, 'projector');
    this.onCleanup(() => channel.close());
  }
}
