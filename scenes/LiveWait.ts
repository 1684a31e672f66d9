// A live workshop group's waiting screen: its plan for the quarter is made and sent, and the
// report waits for the instructor to close the round (and release it when results are held).
// It follows the live channel and opens the report the moment the server allows it.
import { lastRecord } from '../src/flow/index';
import { liveWaitModel } from '../src/app/live-view';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { h } from './ui/dom';

export class LiveWait extends BaseScene {
  constructor() {
    super(SCENES.liveWait);
  }

  create(): void {
    const g = this.begin(COLOURS.night);
    g.fillStyle(COLOURS.joint, 1);
    g.fillRect(0, HEIGHT - 12, WIDTH, 12);
    const { live } = app();
    const quarter = lastRecord(this.snapshot().context)?.quarter ?? 1;
    const heading = this.heading('h1', '');
    const lines = h('div', { class: 'live-wait-lines', attrs: { role: 'status', 'aria-live': 'polite' } });
    const draw = () => {
      const model = liveWaitModel(live.view, quarter, live.status, live.notice);
      heading.textContent = model.heading;
      lines.replaceChildren(...model.lines.map((text) => h('p', { text })));
    };
    draw();
    this.place(WIDTH / 2 - 420, 170, 840, 380, h('div', { class: 'handover live-wait' }, [
      h('p', { class: 'handover-step', text: `Live workshop · ${live.credentials?.group ?? ''}` }),
      heading,
      lines,
    ]));
    const off = live.onChange(() => {
      if (live.mayShowReport(quarter)) {
        BaseScene.showPhase(this.game, this.snapshot());
        BaseScene.wake(this.game);
      } else draw();
    });
    // The deadline's countdown.
    const tick = setInterval(draw, 1000);
    this.onCleanup(() => {
      off();
      clearInterval(tick);
    });
  }
}
