// The scoreboard on a projector: large type on the night background, the places revealed one at a
// time, last to first, by button, by N or by a presenter's clicker (Page Down, right arrow). A
// group sees it read-only with every place shown. The board is the same verified one as the
// instructor's (src/app/scoreboard-view.ts); without a workshop the instructor's scene says why.
import { openBoard, projectorView, revealAnnouncement, revealMore } from '../src/app/scoreboard-view';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';

export interface ProjectorData {
  /** Every place shown at once (a group looking at the board). */
  revealAll?: boolean;
  /** A group's view: the ranking only, nothing to reveal, back to where the group came from. */
  readOnly?: boolean;
}

export class Projector extends BaseScene {
  constructor() {
    super(SCENES.projector);
  }

  create(data: ProjectorData = {}): void {
    const g = this.begin(COLOURS.night);
    const opened = openBoard(app().storage, app().catalogue);
    if (!opened.ok) {
      this.scene.start(SCENES.scoreboard);
      return;
    }
    const { scenario, board } = opened;
    const readOnly = data.readOnly === true;
    let revealed = data.revealAll ? board.entries.length : 0;
    g.fillStyle(COLOURS.marketing, 1);
    g.fillRect(0, HEIGHT - 10, WIDTH / 2, 10);
    g.fillStyle(COLOURS.sales, 1);
    g.fillRect(WIDTH / 2, HEIGHT - 10, WIDTH / 2, 10);

    const first = projectorView(scenario, board, revealed);
    const back = readOnly
      ? button('Back', () => (app().session.snapshot() ? this.scene.start(SCENES.final) : this.scene.start(SCENES.title)), 'secondary')
      : button('Back to the board', () => this.scene.start(SCENES.scoreboard), 'secondary');
    const next = button('Reveal next', () => reveal(1), 'primary', 'Reveal next place (key N)');
    const all = button('Reveal all', () => reveal(board.entries.length), 'secondary');
    this.place(32, 16, WIDTH - 64, 84, h('header', { class: 'screen-header projector-header' }, [
      h('div', {}, [this.heading('h1', first.title), h('p', { class: 'projector-meta', text: first.meta })]),
      h('div', { class: 'header-actions' }, readOnly ? [back] : [next, all, back]),
    ]));
    const list = h('ol', { class: 'projector-list', attrs: { 'aria-label': 'Places, first to last' } });
    const items = first.rows.map(() => {
      const li = h('li', { class: 'projector-row' });
      list.append(li);
      return li;
    });
    const draw = () => {
      const view = projectorView(scenario, board, revealed);
      view.rows.forEach((row, i) => {
        const li = items[i]!;
        // A place just revealed slides in; one shown from the start (every place, for a group) does not.
        li.classList.toggle('revealing', row.shown && li.classList.contains('hidden-place'));
        li.classList.toggle('hidden-place', !row.shown);
        li.replaceChildren(
          h('span', { class: 'place', text: row.rank }),
          h('span', { class: 'place-group', text: row.group }),
          h('span', { class: 'place-score', text: row.score }),
        );
      });
      next.disabled = view.done;
      all.disabled = view.done;
    };
    const reveal = (n: number) => {
      if (revealed >= board.entries.length) return;
      revealed = revealMore(board, revealed, n);
      draw();
      announce(revealAnnouncement(board, revealed, n));
    };
    draw();
    this.place(80, 116, WIDTH - 160, 580, h('div', { class: `projector-scroll${first.many ? ' many' : ''}`, attrs: { tabindex: '0', role: 'region', 'aria-label': 'Ranking' } }, [
      board.entries.length === 0 ? h('p', { class: 'projector-empty', text: 'No verified codes yet.' }) : list,
      h('p', { class: 'projector-rule', text: first.tieBreak }),
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
