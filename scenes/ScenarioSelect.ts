// Choosing a scenario: each shipped one with its title, length and learning objectives, and the
// seed (workshop groups type the same one to play the same game). A scenario file of one's own
// opens here too — "Open scenario file…", dropped anywhere on this screen, or `?scenario=URL` on
// the game's own site — and shows either its errors (line, column, field) or a preview to play.
// Every text from a file is set as text (textContent through h()), never parsed as markup.
import Phaser from 'phaser';
import { useCurrencyOf } from '../src/app/format';
import { openFile, openUrl, type OpenedScenario } from '../src/app/open-file';
import { scenarioPreview } from '../src/app/scenario-preview';
import type { Opened } from '../src/app/session';
import { excerptLines } from '../src/scenario/excerpt';
import type { Scenario } from '../src/sim/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { COLOURS, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel } from './ui/draw';
import { moreBelow } from './ui/scroll-more';
import { tabs } from './ui/tabs';

/** What the scene shows: the shipped list (no data), a file being read, or what a file gave. */
export interface ScenarioSelectData {
  /** A same-origin address to fetch and open (from `?scenario=`). */
  url?: string;
  opened?: OpenedScenario;
}

export class ScenarioSelect extends BaseScene {
  private fileInput: HTMLInputElement | null = null;
  /** Opens a game, saying so on this screen when another tab plays it. */
  private openGame: (start: (replace: boolean) => Promise<Opened>) => void = () => undefined;

  constructor() {
    super(SCENES.select);
  }

  create(data: ScenarioSelectData = {}): void {
    const g = this.begin();
    this.fileInput = this.makeFileInput();
    this.openGame = this.refusals();
    this.acceptFileDrops('Drop the scenario file to open it (.yaml, .yml or .json)', (file) => void this.open(file));
    if (data.url !== undefined) this.showLoading(data.url);
    else if (data.opened?.kind === 'scenario') this.showPreview(g, data.opened.scenario, data.opened.fileName);
    else if (data.opened) this.showProblems(g, data.opened);
    else this.showList(g);
  }

  /** Shows what opening a file gave, in this scene (the loop may be asleep after an await). */
  private show(data: ScenarioSelectData): void {
    if (!this.sys.isActive()) return;
    this.scene.restart(data);
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  private makeFileInput(): HTMLInputElement {
    const input = h('input', { class: 'sr-only', attrs: { type: 'file', accept: '.yaml,.yml,.json', tabindex: '-1', 'aria-hidden': 'true', 'data-testid': 'scenario-file-input' } });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.open(file);
    });
    document.body.append(input);
    this.onCleanup(() => input.remove());
    return input;
  }

  private openButton(label = 'Open scenario file…', variant: 'secondary' | 'primary' = 'secondary'): HTMLButtonElement {
    return button(label, () => this.fileInput?.click(), variant);
  }

  private async open(file: File): Promise<void> {
    announce(`Opening ${file.name}…`);
    this.show({ opened: await openFile(file) });
  }

  private showList(g: Phaser.GameObjects.Graphics): void {
    const { catalogue, session } = app();
    const header = h('div', { class: 'screen-header' }, [
      this.heading('h1', 'Choose a scenario'),
      h('div', { class: 'header-actions' }, [
        h('span', { class: 'meta drop-note', text: 'or drop a scenario file anywhere here' }),
        this.openButton(),
        button('Back to the title', () => this.scene.start(SCENES.title), 'ghost'),
      ]),
    ]);
    this.place(40, 24, WIDTH - 80, 64, header);

    const list = catalogue.scenarios;
    const gap = 24;
    const cardW = list.length >= 3 ? 384 : list.length === 2 ? 520 : 640;
    const total = list.length * cardW + (list.length - 1) * gap;
    let x = (WIDTH - total) / 2;
    for (const { scenario } of list) {
      const rect = { x, y: 110, w: cardW, h: list.length >= 3 ? 580 : 420 };
      drawPanel(g, rect, COLOURS.panel, scenario.firm.structure === 'solo' ? COLOURS.joint : COLOURS.marketing);
      const seedId = `seed-${scenario.id}`;
      const seed = h('input', { attrs: { id: seedId, type: 'number', min: '0', step: '1', value: String(scenario.defaultSeed), inputmode: 'numeric' } });
      const card = h('article', { class: 'scenario-card', attrs: { 'aria-label': scenario.title } }, [
        h('h2', { text: scenario.title }),
        h('p', { class: 'meta', text: `${scenario.quarters} quarters · ${scenario.firm.name} · ${scenario.effortBudget} effort points a quarter` }),
        h('h3', { text: 'What you will learn' }),
        h('ul', {}, scenario.objectives.map((o) => h('li', { text: o }))),
        h('div', { class: 'card-actions' }, [
          h('label', { class: 'seed', attrs: { for: seedId } }, ['Seed ', seed]),
          button('Play', () => {
            const value = Number.parseInt(seed.value, 10);
            this.openGame((replace) => session.newGame(scenario, Number.isInteger(value) && value >= 0 ? value : scenario.defaultSeed, null, { replace }));
          }, 'primary', `Play ${scenario.title}`),
        ]),
      ]);
      this.place(rect.x, rect.y + 6, rect.w, rect.h - 6, card);
      x += cardW + gap;
    }
    if (list.length === 0 || catalogue.problems.length > 0) {
      const problems = h('div', { class: 'alert', attrs: { role: 'alert' } }, [
        h('p', { text: 'Some shipped scenario files could not be loaded:' }),
        // Each problem is formatIssue's text: the error line, then the offending line and its caret.
        h('ul', {}, catalogue.problems.slice(0, 6).map((p) => h('li', { class: 'catalogue-problem', text: p }))),
      ]);
      this.place(40, 560, WIDTH - 80, 140, problems);
    }
  }

  private showLoading(url: string): void {
    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', 'Opening a scenario file…')]));
    this.place(40, 110, WIDTH - 80, 60, h('p', { class: 'meta', attrs: { role: 'status' }, text: `Reading ${url}` }));
    void openUrl(url).then((opened) => this.show({ opened }));
  }

  private backButton(): HTMLButtonElement {
    return button('Back to the scenarios', () => this.show({}), 'ghost');
  }

  /** What a file that cannot be played gave: its errors, one a line, with where they are. */
  private showProblems(g: Phaser.GameObjects.Graphics, opened: Exclude<OpenedScenario, { kind: 'scenario' }>): void {
    const title = opened.kind === 'errors' ? 'This scenario file has errors' : 'This scenario file was not opened';
    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [this.heading('h1', title), this.backButton()]));
    drawPanel(g, { x: 40, y: 100, w: WIDTH - 80, h: 510 }, COLOURS.panel, COLOURS.salesDeep);
    let body: HTMLElement;
    if (opened.kind === 'errors') {
      const count = opened.errors.length;
      body = h('div', { class: 'file-problems' }, [
        h('p', { class: 'file-problems-intro', text: `“${opened.fileName}” cannot be played: ${count === 1 ? 'one error' : `${count} errors`}. Fix ${count === 1 ? 'it' : 'them'} in the file and open it again.` }),
        h(
          'ol',
          { class: 'issue-list', attrs: { 'aria-label': 'Errors in the file', tabindex: '0' } },
          opened.errors.map((e) =>
            h('li', { class: 'issue' }, [
              h('span', { class: 'issue-where', text: `line ${e.line}, column ${e.column}` }),
              h('span', { text: ' — ' }),
              e.path === '' ? null : h('code', { class: 'issue-path', text: e.path }),
              e.path === '' ? null : h('span', { text: ': ' }),
              h('span', { class: 'issue-message', text: e.message }),
              // The offending line and a caret under the column, as the CLI prints them; set as text.
              e.excerpt ? h('pre', { class: 'issue-excerpt', attrs: { 'aria-label': `Line ${e.line} of the file, a caret under column ${e.column}` }, text: excerptLines(e.line, e.excerpt).join('\n') }) : null,
            ]),
          ),
        ),
      ]);
    } else {
      body = h('div', { class: 'file-problems' }, [h('p', { class: 'alert', attrs: { role: 'alert' }, text: opened.message })]);
    }
    this.place(64, 116, WIDTH - 128, 478, body);
    this.place(40, 630, WIDTH - 80, 64, h('div', { class: 'footer-actions' }, [this.openButton('Open another file…', 'primary')]));
  }

  /**
   * A file that loads: what it is about, the events, the dispute and the scoring on pages of the
   * left panel (tabs), every product line and account in the right one (it scrolls), and Play.
   * The words are src/app/scenario-preview.ts's.
   */
  private showPreview(g: Phaser.GameObjects.Graphics, scenario: Scenario, fileName: string): void {
    useCurrencyOf(scenario);
    const { session } = app();
    const view = scenarioPreview(scenario, fileName);
    this.place(40, 24, WIDTH - 80, 64, h('div', { class: 'screen-header' }, [
      h('div', { class: 'preview-title' }, [this.heading('h1', view.title), h('p', { class: 'meta', text: view.meta })]),
      this.backButton(),
    ]));
    drawPanel(g, { x: 40, y: 100, w: 700, h: 510 }, COLOURS.panel, COLOURS.joint);
    drawPanel(g, { x: 760, y: 100, w: 480, h: 510 }, COLOURS.panel, COLOURS.sales);
    const { dispute, scoring } = view;
    const pages = tabs('What the scenario holds', [
      {
        label: 'Briefing',
        content: h('section', { attrs: { 'aria-label': 'Briefing and objectives' } }, [
          h('h2', { text: 'Briefing' }),
          h('p', { class: 'preview-briefing', text: view.briefing }),
          h('h3', { text: 'What you will learn' }),
          h('ul', {}, view.objectives.map((o) => h('li', { text: o }))),
        ]),
      },
      {
        label: view.eventsHeading,
        content: h('section', { attrs: { 'aria-label': 'Events' } }, [
          h('h2', { text: view.eventsHeading }),
          view.noEvents === null ? null : h('p', { text: view.noEvents }),
          h('ol', { class: 'preview-events' }, view.events.map((e) =>
            h('li', {}, [
              h('h3', { text: e.title }),
              h('p', { class: 'preview-trigger', text: e.trigger }),
              h('ul', {}, e.effects.map((f) => h('li', { text: f }))),
            ]),
          )),
        ]),
      },
      {
        label: 'Dispute',
        content: h('section', { attrs: { 'aria-label': 'The dispute' } }, [
          h('h2', { text: dispute.heading }),
          ...('none' in dispute
            ? [h('p', { text: dispute.none })]
            : [
                h('p', { class: 'preview-dispute-summary', text: dispute.summary }),
                ...dispute.leads.map((lead) => h('div', { class: `preview-lead preview-lead-${lead.side}` }, [h('h3', { text: lead.heading }), h('p', { text: lead.argument })])),
                h('p', { class: 'meta', text: dispute.opens }),
              ]),
        ]),
      },
      {
        label: 'Scoring and par',
        content: h('section', { attrs: { 'aria-label': 'Scoring and par' } }, [
          h('h2', { text: scoring.heading }),
          h('p', { class: 'meta', text: scoring.intro }),
          h('table', { class: 'preview-score', attrs: { 'aria-label': 'The scorecard' } }, [
            h('thead', {}, [h('tr', {}, [h('th', { text: 'Part', attrs: { scope: 'col' } }), h('th', { text: 'Weight', attrs: { scope: 'col' } }), h('th', { text: 'What it measures, and its target', attrs: { scope: 'col' } })])]),
            h('tbody', {}, scoring.rows.map((r) => h('tr', { class: r.counts ? '' : 'not-counted' }, [h('th', { text: r.name, attrs: { scope: 'row' } }), h('td', { class: 'weight', text: r.weight }), h('td', { text: r.measure })]))),
          ]),
          h('p', { class: 'scorecard-par', text: scoring.par }),
        ]),
      },
    ]);
    this.place(64, 112, 652, 486, pages);
    const side = h('section', { class: 'preview-scroll', attrs: { 'aria-label': 'Product lines and accounts', tabindex: '0' } }, [
      h('h2', { text: view.productsHeading }),
      h('ul', { class: 'preview-list' }, view.products.map((p) =>
        h('li', {}, [h('span', { class: 'preview-name', text: p.name }), h('span', { class: 'preview-figure', text: p.figure })]),
      )),
      h('h2', { text: view.accountsHeading }),
      h('ul', { class: 'preview-list preview-accounts' }, view.accounts.map((a) =>
        h('li', {}, [
          h('span', { class: 'preview-name', text: a.name }),
          a.marker === null ? null : h('span', { class: 'key-marker', text: a.marker }),
          h('span', { class: 'preview-detail', text: a.detail }),
        ]),
      )),
    ]);
    moreBelow(side);
    this.place(784, 116, 432, 478, side);
    const seed = h('input', { attrs: { id: 'seed-opened', type: 'number', min: '0', step: '1', value: String(scenario.defaultSeed), inputmode: 'numeric' } });
    this.place(40, 630, WIDTH - 80, 64, h('div', { class: 'footer-actions' }, [
      this.openButton('Open another file…'),
      h('label', { class: 'seed', attrs: { for: 'seed-opened' } }, ['Seed ', seed]),
      button('Play', () => {
        const value = Number.parseInt(seed.value, 10);
        this.openGame((replace) => session.newGame(scenario, Number.isInteger(value) && value >= 0 ? value : scenario.defaultSeed, null, { replace }));
      }, 'primary', `Play ${scenario.title}`),
    ]));
  }
}
