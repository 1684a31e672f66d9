// The discontinuation dispute: the two leaders facing each other — marketing on the left (blue),
// sales on the right (orange) — each with their argument and the numbers they bring, then the
// options with their costs, then what the choice sets in motion and how each leader takes it.
// The stages are the dispute machine's (src/flow/dispute-machine.ts); this scene reads its
// snapshot and sends DISPUTE_NEXT, DISPUTE_BACK and DECIDE_DISPUTE. Every figure comes from
// src/app/dispute-view.ts, which reads the model.
import {
  consequences,
  findingsText,
  lineBuyers,
  lineBuyersText,
  marketingCase,
  optionViews,
  reactions,
  salesCase,
  type Reaction,
} from '../src/app/dispute-view';
import { disputeRefusalText } from '../src/app/dispute-text';
import { formatMoney, formatPercent, formatSignedMoney } from '../src/app/format';
import { disputeSitting, phaseOf, type GameFlowEvent, type GameFlowSnapshot } from '../src/flow/index';
import { isFinalOption, type DisputeOption, type GameState } from '../src/sim/index';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { ICONS } from './Preloader';
import { COLOURS, WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { drawPanel, drawSignedBars } from './ui/draw';

const PANEL_Y = 88;
const PANEL_H = 292;
const STAGE_Y = 392;
const STAGE_H = 316;

export class Dispute extends BaseScene {
  /** The stage and choices drawn, so a snapshot that changes neither does not rebuild the screen. */
  private drawn = '';
  /** A decision clicked and waiting for its confirmation: a settled dispute cannot be taken back. */
  private confirming: DisputeOption | null = null;

  constructor() {
    super(SCENES.dispute);
  }

  create(): void {
    const g = this.begin();
    const snapshot = this.snapshot();
    // A restart queued by the last snapshot of a sitting can run after the game has moved on
    // (the queue is worked through at the next frame, after the phase's own scene started):
    // then this scene is stale and leaves at once, or it would stay open beside the planning.
    if (phaseOf(snapshot) !== 'dispute') {
      this.scene.stop();
      return;
    }
    const sitting = disputeSitting(snapshot);
    if (!sitting) {
      // Only a game state the dispute machine never left behind gets here; say so rather than show nothing.
      this.place(64, 120, WIDTH - 128, 140, h('div', {}, [
        h('p', { class: 'alert', attrs: { role: 'alert' }, text: 'The dispute could not be shown: the game has no dispute sitting in progress. Your save is kept; go back to the title to continue or start again.' }),
        button('Back to the title', () => {
          app().session.stop();
          this.scene.start(SCENES.title);
        }, 'primary'),
      ]));
      return;
    }
    this.drawn = keyOf(snapshot);
    this.onCleanup(
      app().session.bus.on('snapshot', (next) => {
        if (disputeSitting(next) && keyOf(next) !== this.drawn) this.scene.restart();
      }),
    );
    const { scenario } = snapshot.context;
    const stage = sitting.stage;
    if (stage !== 'options') this.confirming = null;
    // The game as the choices of this sitting leave it (a joint meeting, say).
    const game: GameState = sitting.context.game;
    const before = snapshot.context.game;
    const dispute = game.dispute!;
    const m = marketingCase(scenario, before);
    const s = salesCase(scenario, before);
    const send = (event: GameFlowEvent) => app().session.bus.emit('flow', event);

    const stageTitle = {
      marketingCase: 'Marketing makes its case',
      salesCase: 'Sales makes its case',
      findings: 'The findings are in',
      options: 'Your decision',
      consequences: 'What happens now',
    }[stage];
    this.place(16, 10, WIDTH - 32, 66, h('header', { class: 'screen-header' }, [
      h('div', {}, [
        this.heading('h1', `Dispute: drop ${m.productName}? · ${stageTitle}`),
        h('p', { class: 'meta', text: `Opened by quarter ${dispute.openedInQuarter}’s results; decided before quarter ${game.quarter}. ${m.productName} is at stake, and so, says sales, is ${s.accountName}.` }),
      ]),
    ]));

    // The two leaders, facing each other. The side speaking now is drawn in full colour.
    const left = { x: 16, y: PANEL_Y, w: 616, h: PANEL_H };
    const right = { x: 648, y: PANEL_Y, w: 616, h: PANEL_H };
    const salesHeard = stage !== 'marketingCase';
    drawPanel(g, left, COLOURS.marketingTint, COLOURS.marketing);
    drawPanel(g, right, salesHeard ? COLOURS.salesTint : COLOURS.panel, COLOURS.sales);
    this.add.image(left.x + 40, left.y + 42, ICONS.marketing).setScale(0.75);
    this.add.image(right.x + 40, right.y + 42, ICONS.sales).setScale(0.75).setAlpha(salesHeard ? 1 : 0.4);
    const said = reactions(scenario, game);
    const reactionOf = (side: Reaction['side']) => said?.find((r) => r.side === side) ?? null;

    const last = m.profits[m.profits.length - 1];
    this.place(left.x + 80, left.y + 14, left.w - 96, left.h - 24, h('section', { class: 'side-text marketing leader', attrs: { 'aria-label': `Marketing’s case: ${m.leader.name}` } }, [
      h('h2', { text: `${m.leader.name}, ${m.leader.role}: drop ${m.productName}` }),
      h('blockquote', { text: m.leader.argument }),
      h('dl', { class: 'figures' }, [
        h('dt', { text: `${m.productName}’s profit last quarter` }), h('dd', { class: (last?.profit ?? 0) < 0 ? 'neg' : '', text: last ? formatSignedMoney(last.profit) : '—' }),
        h('dt', { text: 'Trend a quarter' }), h('dd', { text: formatSignedMoney(Math.round(m.trend)) }),
        h('dt', { text: 'Fixed cost dropping it saves' }), h('dd', { text: `${formatMoney(m.fixedCost)} a quarter` }),
        h('dt', { text: 'Quarters in a row at a loss' }), h('dd', { text: String(m.lossStreak) }),
      ]),
      reactionView(reactionOf('marketing'), dispute.jointMeetingQuarter !== null),
    ]));
    if (!said && m.profits.length > 0) {
      // The bars say nothing without their caption: which figure, over which quarters.
      const first = m.profits[0]!.quarter;
      const span = first === last!.quarter ? `Q${first}` : `Q${first}–Q${last!.quarter}`;
      this.place(left.x + 80, left.y + PANEL_H - 88, left.w - 110, 24, h('p', { class: 'meta chart-caption', text: `${m.productName}’s profit per quarter, ${span} (below the line: a loss)` }));
      drawSignedBars(g, { x: left.x + 80, y: left.y + PANEL_H - 62, w: left.w - 110, h: 48 }, m.profits.map((p) => p.profit));
    }

    const lastRevenue = s.revenues[s.revenues.length - 1]?.revenue ?? 0;
    const firstRel = s.revenues[0]?.relationship;
    this.place(right.x + 80, right.y + 14, right.w - 96, right.h - 24, h('section', { class: 'side-text sales leader', attrs: { 'aria-label': `Sales’ case: ${s.leader.name}` } }, salesHeard
      ? [
          h('h2', { text: `${s.leader.name}, ${s.leader.role}: keep ${m.productName}` }),
          h('blockquote', { text: s.leader.argument }),
          h('dl', { class: 'figures' }, [
            h('dt', { text: `${s.accountName}${s.key ? ' (key account)' : ''} buys` }), h('dd', { text: s.active ? s.buys.join(', ') : 'nothing now: it has left' }),
            h('dt', { text: 'Its revenue last quarter' }), h('dd', { text: `${formatMoney(lastRevenue)} (${formatPercent(s.share)} of the firm’s)` }),
            h('dt', { text: 'Relationship' }), h('dd', { text: firstRel === undefined ? formatPercent(s.relationship) : `${formatPercent(firstRel)} in Q1 → ${formatPercent(s.relationship)} now` }),
            h('dt', { text: 'Lifetime value (estimate)' }), h('dd', { text: formatMoney(s.lifetimeValue) }),
          ]),
          reactionView(reactionOf('sales'), dispute.jointMeetingQuarter !== null),
        ]
      : [h('h2', { text: `${s.leader.name}, ${s.leader.role}` }), h('p', { class: 'meta', text: 'Speaks next.' })]));

    // The stage's own part, below the two sides.
    drawPanel(g, { x: 16, y: STAGE_Y, w: WIDTH - 32, h: STAGE_H });
    const area = { x: 36, y: STAGE_Y + 12, w: WIDTH - 72, h: STAGE_H - 22 };
    // Every account that buys the line, not only the one sales speaks for.
    const buyers = `Who buys ${m.productName} now, by share of its units: ${lineBuyersText(lineBuyers(scenario, before))}.`;
    if (stage === 'marketingCase' || stage === 'salesCase' || stage === 'findings') {
      const text =
        stage === 'marketingCase'
          ? `${m.leader.name} has made marketing’s case. Hear ${s.leader.name} for sales before you decide.`
          : stage === 'salesCase'
            ? `Both sides have spoken. ${buyers} How much ${s.accountName}’s loyalty hangs on ${m.productName} is not known; the options include finding out.`
            : findingsText(scenario, game)!;
      this.place(area.x, area.y, area.w, area.h, h('div', { class: 'dispute-stage' }, [
        h('p', { class: 'stage-text', text }),
        h('div', { class: 'footer-actions' }, [
          stage === 'salesCase' ? button('Back to marketing’s case', () => send({ type: 'DISPUTE_BACK' }), 'ghost') : null,
          button(stage === 'marketingCase' ? 'Hear sales’ case' : 'To the options', () => send({ type: 'DISPUTE_NEXT' }), 'primary'),
        ]),
      ]));
    } else if (stage === 'options') {
      const views = optionViews(scenario, game);
      const refused = sitting.context.rejection;
      const rejection = refused ? disputeRefusalText(refused) : null;
      if (rejection) announce(rejection);
      const choose = (option: DisputeOption) => {
        if (isFinalOption(option)) {
          this.confirming = option;
          this.scene.restart();
        } else send({ type: 'DECIDE_DISPUTE', option });
      };
      const confirming = views.find((v) => v.option === this.confirming && v.open) ?? null;
      const cards = views.map((view) => {
        const id = `option-${view.option}`;
        const control = button(view.label, () => choose(view.option), view.option === 'discontinue' ? 'marketing' : view.option === 'keep' ? 'sales' : view.option === 'joint-meeting' ? 'joint' : 'secondary');
        control.setAttribute('aria-describedby', `${id}-text`);
        if (!view.open) control.disabled = true;
        return h('div', { class: `option-card${view.open ? '' : ' closed'}` }, [
          control,
          h('p', { attrs: { id: `${id}-text` }, text: `${view.summary} ${view.open ? `Cost: ${view.cost}.` : view.reason ?? ''}` }),
        ]);
      });
      const held = dispute.jointMeetingQuarter !== null;
      // The investigation's findings stay in view while deciding.
      const findings = findingsText(scenario, game);
      const head = findings ?? (held ? 'The joint meeting heard both sides. Now decide.' : 'Decide now, or first hold a joint meeting or investigate. The consequences unfold over the next quarters.');
      const body = confirming
        ? h('div', { class: 'dispute-confirm', attrs: { role: 'group', 'aria-label': 'Confirm the decision' } }, [
            h('p', { class: 'stage-text', text: `${confirming.label}? ${confirming.summary} This settles the dispute and cannot be taken back.` }),
            h('div', { class: 'footer-actions' }, [
              button('Choose again', () => {
                this.confirming = null;
                this.scene.restart();
              }, 'ghost'),
              button(`Confirm: ${confirming.label}`, () => {
                this.confirming = null;
                send({ type: 'DECIDE_DISPUTE', option: confirming.option });
              }, 'primary'),
            ]),
          ])
        : h('div', { class: 'option-grid', attrs: { role: 'group', 'aria-label': 'Ways to settle the dispute' } }, cards);
      this.place(area.x, area.y, area.w, area.h, h('div', { class: 'dispute-options' }, [
        h('div', { class: 'options-head' }, [
          h('div', {}, [h('p', { class: findings ? 'findings' : 'meta', text: head }), h('p', { class: 'meta buyers', text: buyers })]),
          button('Back to the cases', () => {
            this.confirming = null;
            send({ type: 'DISPUTE_BACK' });
          }, 'ghost'),
        ]),
        rejection ? h('p', { class: 'alert', attrs: { role: 'alert' }, text: rejection }) : null,
        body,
      ]));
    } else {
      const lines = consequences(scenario, before, game, sitting.context.choices);
      this.place(area.x, area.y, area.w, area.h, h('div', { class: 'dispute-stage' }, [
        h('ul', { class: 'consequences' }, lines.map((t) => h('li', { text: t }))),
        h('div', { class: 'footer-actions' }, [button(`On to quarter ${game.quarter}`, () => send({ type: 'DISPUTE_NEXT' }), 'primary')]),
      ]));
    }
  }
}

function reactionView(reaction: Reaction | null, meetingHeld: boolean): HTMLElement | null {
  if (!reaction) return null;
  const hearing = meetingHeld ? ', after a joint meeting heard both sides' : '';
  const tag = { prevailed: `got their way${hearing}`, compromise: `met half-way${hearing}`, heard: 'overruled, but heard in a joint meeting', overruled: 'overruled without a hearing' }[reaction.kind];
  return h('figure', { class: `reaction ${reaction.kind}` }, [
    h('blockquote', { text: `“${reaction.line}”` }),
    h('figcaption', { text: `${reaction.name} — ${tag}` }),
  ]);
}

/** What the screen depends on: the sitting's stage, its choices and any refusal. */
function keyOf(snapshot: GameFlowSnapshot): string {
  const sitting = disputeSitting(snapshot);
  return sitting ? JSON.stringify([sitting.stage, sitting.context.choices, sitting.context.rejection]) : '';
}
