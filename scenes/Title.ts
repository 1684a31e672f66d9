// The title: the game's name and its two sides, New game and — when games are saved — the list of
// saved games, each to continue or to delete (deleting asks first). A save that cannot be opened
// is reported here in words, once, and set aside. A game another tab plays is marked so, and
// opening it here says why it does not open. Below, the workshop's two doors: a group joins a
// heat, an instructor sets one up.
import { serverPresent } from '../src/app/live-api';
import { takeLiveParams, writeLiveInstructor } from '../src/app/live-instructor';
import { takeScenarioParam } from '../src/app/open-file';
import { OPEN_ELSEWHERE_NOTE, savedGameRows, type SavedGameRow } from '../src/app/save-text';
import { BaseScene } from './base';
import { openLazy } from './lazy';
import { app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, HEIGHT, TWEEN_MS, WIDTH } from './theme';
import { button, focusSoon, h } from './ui/dom';
import { soundToggle } from './ui/sound-toggle';

export interface TitleData {
  /** Words to show once on opening (a save that went away in another tab). */
  notice?: string;
}

export class Title extends BaseScene {
  constructor() {
    super(SCENES.title);
  }

  create(data: TitleData = {}): void {
    // `?scenario=URL` in the page's address opens that file once, on the scenario screen.
    const url = takeScenarioParam();
    if (url !== null) {
      this.scene.start(SCENES.select, { url });
      return;
    }
    // A live workshop's links: the instructor's opens the board, a group's the join form.
    const links = takeLiveParams();
    if (links.instructor !== null) {
      writeLiveInstructor(app().storage, links.instructor);
      openLazy(this, SCENES.liveBoard);
      return;
    }
    if (links.join !== null) {
      openLazy(this, SCENES.join, { code: links.join });
      return;
    }
    const context = app();
    const saves = context.session.listSaves();
    const rows = savedGameRows(saves.games);
    const listed = rows.length > 0;
    const notices = [...(data.notice ? [data.notice] : []), ...saves.rejected.map((r) => r.message)];
    // With saved games, the name and the doors stand on the left and the list on the right. A
    // notice alone moves the centred block up (and the cup shrinks), clear of the bottom band.
    const centre = listed ? 330 : WIDTH / 2;
    // Served by the workshop server, the instructor can run a live workshop too: a third door,
    // on a row of its own, so the block moves up as it does for a notice.
    const liveDoor = serverPresent();
    const small = listed || notices.length > 0 || liveDoor;

    const g = this.begin(COLOURS.night);
    // The two halves of the firm, side by side from the first screen on.
    g.fillStyle(COLOURS.marketing, 1);
    g.fillRect(0, HEIGHT - 180, WIDTH / 2, 180);
    g.fillStyle(COLOURS.sales, 1);
    g.fillRect(WIDTH / 2, HEIGHT - 180, WIDTH / 2, 180);
    const cupY = listed ? 112 : small ? 92 : 140;
    const cup = this.add.image(centre, cupY + 8, ICONS.cup).setAlpha(0);
    if (small) cup.setScale(listed ? 0.8 : 0.6);
    this.tweens.add({ targets: cup, alpha: 1, y: cupY, duration: TWEEN_MS * 2 });
    this.add.image(WIDTH / 2 - 300, HEIGHT - 90, ICONS.marketing).setScale(1.2);
    this.add.image(WIDTH / 2 + 300, HEIGHT - 90, ICONS.sales).setScale(1.2);

    const heading = this.heading('h1', 'Marketing & Sales', 'title-heading');
    const actions = h('div', { class: 'title-actions' });
    actions.append(button('New game', () => this.scene.start(SCENES.select), listed ? 'secondary' : 'primary'));
    // Workshops: groups join the instructor's heat; the instructor sets one up and keeps the board.
    const workshopDoors = h('div', { class: 'title-workshop' }, [
      button('Join a workshop heat', () => openLazy(this, SCENES.join)),
      button('Run a workshop (instructor)', () => openLazy(this, SCENES.workshop)),
    ]);
    actions.append(workshopDoors);
    if (liveDoor) workshopDoors.append(button('Run a live workshop', () => openLazy(this, SCENES.liveBoard)));
    const root = h('div', { class: `title-screen${listed ? ' with-saves' : ''}` }, [
      heading,
      h('p', { class: 'tagline', text: 'Run a small firm for a few quarters. Split every quarter’s effort between marketing and sales, and live with what each side builds.' }),
      // Beside a list, the notices head the list's panel instead (the left column has no room).
      notices.length > 0 && !listed ? noticeBlock(notices) : null,
      actions,
    ]);
    if (listed) this.place(40, 186, 580, 350, root);
    else if (small) this.place(WIDTH / 2 - 360, 150, 720, 380, root);
    else this.place(WIDTH / 2 - 360, 226, 720, 310, root);
    if (listed) this.placeSaves(rows, notices);

    const sides = h('div', { class: 'title-sides', attrs: { 'aria-hidden': 'true' } }, [
      h('span', { text: 'Marketing: product lines, long run' }),
      h('span', { text: 'Sales: people and accounts, short run' }),
    ]);
    this.place(0, HEIGHT - 60, WIDTH, 40, sides);
    const sound = soundToggle();
    // Top left: the saved games' panel takes the right-hand side when there are any.
    if (sound) this.place(16, 16, 160, 48, h('div', { class: 'title-sound' }, [sound]));
  }

  /** Shows the list afresh after an await (the game loop may be asleep by then: wake it). */
  private restartNow(data: TitleData = {}): void {
    if (!this.sys.isActive()) return;
    this.scene.restart(data);
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  /** The saved games, newest first, each with Continue and Delete (Delete asks first). */
  private placeSaves(rows: SavedGameRow[], notices: string[]): void {
    const { session } = app();
    let alive = true;
    this.onCleanup(() => (alive = false));
    const items = new Map<string, { item: HTMLElement; note: HTMLElement }>();
    const list = h('ul', { class: 'saves-list', attrs: { 'aria-label': 'Saved games', tabindex: '-1' } });
    rows.forEach((row, i) => {
      const note = h('p', { class: 'save-note' });
      const say = (text: string) => {
        note.textContent = text;
        note.setAttribute('role', 'alert');
      };
      const actions = h('div', { class: 'save-actions' });
      const item = h('li', { class: 'save-item', attrs: { 'data-slot': row.key } }, [
        h('div', { class: 'save-text' }, [h('strong', { class: 'save-title', text: row.title }), h('span', { class: 'save-detail', text: row.detail })]),
        actions,
        note,
      ]);
      const showButtons = () => {
        actions.classList.remove('confirming');
        actions.replaceChildren(
          button('Continue', () => {
            void session.continueGame(row.key).then((opened) => {
              if (opened.ok || !alive) return;
              if (opened.reason === 'gone') this.restartNow({ notice: opened.message });
              else say(opened.message);
            });
          }, i === 0 ? 'primary' : 'secondary', row.continueName),
          button('Delete', showConfirm, 'ghost', row.deleteName),
        );
      };
      const showConfirm = () => {
        const keep = button('Keep it', () => {
          note.textContent = '';
          showButtons();
          focusSoon(actions.querySelector('button') ?? list);
        }, 'secondary', row.keepName);
        actions.classList.add('confirming');
        actions.replaceChildren(
          h('span', { class: 'save-confirm', text: row.confirmQuestion }),
          button('Delete', () => {
            void session.deleteGame(row.key).then((done) => {
              if (!alive) return;
              if (done.ok) this.restartNow();
              else say(done.message);
            });
          }, 'primary', row.confirmName),
          keep,
        );
        focusSoon(keep);
        // The question and its buttons in view, even on the list's last row.
        item.scrollIntoView({ block: 'nearest' });
      };
      showButtons();
      items.set(row.key, { item, note });
      list.append(item);
    });
    const panel = h('section', { class: 'saves-panel', attrs: { 'aria-labelledby': 'saves-heading' } }, [
      h('h2', { text: 'Saved games', attrs: { id: 'saves-heading' } }),
      notices.length > 0 ? noticeBlock(notices) : null,
      list,
    ]);
    this.place(650, 40, 590, 496, panel);
    // Games another tab plays now are marked so (the lock manager answers after a moment).
    void session.openElsewhere().then((keys) => {
      if (!alive) return;
      for (const key of keys) {
        const found = items.get(key);
        if (!found) continue;
        found.item.classList.add('elsewhere');
        if (!found.note.textContent) found.note.textContent = OPEN_ELSEWHERE_NOTE;
      }
    });
  }
}

/** What the title has to say once: a save set aside, a save gone in another tab. */
function noticeBlock(notices: string[]): HTMLElement {
  return h('div', { class: 'alert title-notices', attrs: { role: 'alert' } }, notices.map((n) => h('p', { text: n })));
}
