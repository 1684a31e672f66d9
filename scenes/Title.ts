// The title: the game's name and its two sides, New game and — when a save can be resumed —
// Continue. A save that cannot be opened is reported here in words, once, and set aside. Below,
// the workshop's two doors: a group joins a heat, an instructor sets one up.
import { serverPresent } from '../src/app/live-api';
import { takeLiveParams, writeLiveInstructor } from '../src/app/live-instructor';
import { takeScenarioParam } from '../src/app/open-file';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, HEIGHT, TWEEN_MS, WIDTH } from './theme';
import { button, h } from './ui/dom';

export class Title extends BaseScene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    // `?scenario=URL` in the page's address opens that file once, on the scenario screen.
    const url = takeScenarioParam();
    if (url !== null) {
      this.scene.start(SCENES.select, { url });
      return;
    }
    // A live workshop's links: the instructor's opens the board, a group's the join form.
    const live = takeLiveParams();
    if (live.instructor !== null) {
      writeLiveInstructor(app().storage, live.instructor);
      this.scene.start(SCENES.liveBoard);
      return;
    }
    if (live.join !== null) {
      this.scene.start(SCENES.join, { code: live.join });
      return;
    }
    const g = this.begin(COLOURS.night);
    // The two halves of the firm, side by side from the first screen on.
    g.fillStyle(COLOURS.marketing, 1);
    g.fillRect(0, HEIGHT - 180, WIDTH / 2, 180);
    g.fillStyle(COLOURS.sales, 1);
    g.fillRect(WIDTH / 2, HEIGHT - 180, WIDTH / 2, 180);
    const cup = this.add.image(WIDTH / 2, 150, ICONS.cup).setAlpha(0);
    this.tweens.add({ targets: cup, alpha: 1, y: 140, duration: TWEEN_MS * 2 });
    this.add.image(WIDTH / 2 - 300, HEIGHT - 90, ICONS.marketing).setScale(1.2);
    this.add.image(WIDTH / 2 + 300, HEIGHT - 90, ICONS.sales).setScale(1.2);

    const context = app();
    const status = context.saveStatus ?? context.session.inspectSave();
    context.saveStatus = status.status === 'rejected' ? { status: 'none' } : status;

    const heading = this.heading('h1', 'Marketing & Sales', 'title-heading');
    const actions = h('div', { class: 'title-actions' });
    if (status.status === 'ok') {
      const where = status.finished ? 'final results' : `quarter ${status.quarter} of ${status.quarters}`;
      actions.append(
        button(`Continue: ${status.title}, ${where}`, () => {
          if (!context.session.continueGame()) {
            context.saveStatus = null;
            this.scene.restart();
          }
        }, 'primary'),
      );
    }
    actions.append(button('New game', () => this.scene.start(SCENES.select), status.status === 'ok' ? 'secondary' : 'primary'));
    // Workshops: groups join the instructor's heat; the instructor sets one up and keeps the board.
    const workshopDoors = h('div', { class: 'title-workshop' }, [
      button('Join a workshop heat', () => this.scene.start(SCENES.join)),
      button('Run a workshop (instructor)', () => this.scene.start(SCENES.workshop)),
    ]);
    actions.append(workshopDoors);
    // Served by the workshop server: the instructor can run a live workshop too.
    void serverPresent().then((present) => {
      if (present && this.sys.isActive()) workshopDoors.append(button('Run a live workshop', () => this.scene.start(SCENES.liveBoard)));
    });
    const root = h('div', { class: 'title-screen' }, [
      heading,
      h('p', { class: 'tagline', text: 'Run a small firm for a few quarters. Split every quarter’s effort between marketing and sales, and live with what each side builds.' }),
      status.status === 'rejected' ? h('p', { class: 'alert', text: status.message, attrs: { role: 'alert' } }) : null,
      actions,
    ]);
    this.place(WIDTH / 2 - 360, 226, 720, 310, root);
    const sides = h('div', { class: 'title-sides', attrs: { 'aria-hidden': 'true' } }, [
      h('span', { text: 'Marketing: product lines, long run' }),
      h('span', { text: 'Sales: people and accounts, short run' }),
    ]);
    this.place(0, HEIGHT - 60, WIDTH, 40, sides);
  }
}
