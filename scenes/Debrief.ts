// The debrief: after the last quarter, what the trainee's choices did and why — the dispute with
// its hidden anchor revealed and both leaders' reactions, the same-draw fork ("what if I had
// chosen differently?"), charts with the dispute marked, the quarter-by-quarter timeline, the
// causal chains behind the big swings, and the scenario's ideas tied to this game. Everything
// comes from src/debrief (the model's own bookkeeping). The page is one scrolling DOM document;
// a copy of it sits in #print-root so the browser's print (to PDF) gets a clean, paged debrief.
import {
  buildDebrief,
  debriefJson,
  forkAlternatives,
  isActualChoice,
  skippedBeforeDecision,
  forkAtDispute,
  type Debrief as DebriefData,
  type Fork,
} from '../src/debrief/index';
import { formatMoney, formatPercent, formatPoints, formatShortMoney, formatSignedMoney, formatSignedPoints } from '../src/app/format';
import type { FinalDisputeOption } from '../src/sim/index';
import { DISPUTE_OPTION_TEXT } from '../src/app/dispute-text';
import { BaseScene } from './base';
import { app } from './context';
import { SCENES } from './keys';
import { WIDTH } from './theme';
import { announce, button, h } from './ui/dom';
import { CHART_COLOURS, lineChart, stackedBars } from './ui/svg-chart';

export class Debrief extends BaseScene {
  constructor() {
    super(SCENES.debrief);
  }

  create(): void {
    this.begin();
    const { scenario, game, steps } = this.snapshot().context;
    let debrief: DebriefData;
    try {
      debrief = buildDebrief(scenario, game.seed, steps);
    } catch (error) {
      // The steps always replay (the flow records them); if they ever do not, say so in words.
      this.place(16, 16, WIDTH - 32, 200, h('div', { class: 'alert', attrs: { role: 'alert' }, text: `The debrief could not be built: ${(error as Error).message}` }));
      return;
    }
    const forks: Fork[] = [];
    const doc = h('article', { class: 'debrief-doc', attrs: { 'aria-label': 'Debrief' } });
    // After a meeting or an investigation, the game's own decision is an alternative too: the
    // same decision taken at once. Its name says so, or it reads as replaying what was done.
    const alternativeLabel = (alternative: FinalDisputeOption) => {
      const skipped = skippedBeforeDecision(steps, alternative);
      return `${DISPUTE_OPTION_TEXT[alternative].label.toLowerCase()}${skipped === null ? '' : `, without ${skipped === 'joint-meeting' ? 'the meeting' : 'the investigation'}`}`;
    };
    const render = () => {
      doc.replaceChildren(...documentParts(debrief, forks, forkControls, (fork) => alternativeLabel(fork.alternative)));
      mirrorForPrint(doc);
    };
    const forkControls = (): HTMLElement | null => {
      if (!debrief.dispute || debrief.dispute.decision === null) return null;
      // What the game did at its first sitting is no alternative; after a meeting or an investigation every decision is.
      const alternatives = forkAlternatives(scenario, game.seed, steps).filter((o) => !isActualChoice(steps, o));
      return h('div', { class: 'fork-buttons', attrs: { role: 'group', 'aria-label': 'Replay the dispute another way' } },
        alternatives.map((alternative: FinalDisputeOption) =>
          button(`What if: ${alternativeLabel(alternative)}`, () => {
            if (!forks.some((f) => f.alternative === alternative)) forks.unshift(forkAtDispute(scenario, game.seed, steps, alternative));
            render();
            announce(`Replayed with ${DISPUTE_OPTION_TEXT[alternative].label.toLowerCase()}: the comparison is shown.`);
          }, 'secondary'),
        ),
      );
    };

    this.place(16, 10, WIDTH - 32, 66, h('header', { class: 'screen-header' }, [
      h('div', {}, [this.heading('h1', `Debrief: ${debrief.scenarioTitle}`), h('p', { class: 'meta', text: `${debrief.firmName} · seed ${debrief.seed} · score ${formatPoints(debrief.score.total)} against par ${debrief.par}` })]),
      h('div', { class: 'header-actions' }, [
        button('Print the debrief', () => window.print(), 'secondary'),
        button('Download as JSON', () => download(`debrief-${debrief.scenarioId}-seed-${debrief.seed}.json`, debriefJson(debrief, forks)), 'secondary'),
        button('Back to the results', () => this.scene.start(SCENES.final), 'primary'),
      ]),
    ]));
    render();
    this.place(16, 84, WIDTH - 32, 624, doc);
    this.onCleanup(() => document.getElementById('print-root')?.replaceChildren());
  }
}

/** The printable copy: outside Phaser's scaled DOM layer, shown only by the print stylesheet. */
function mirrorForPrint(doc: HTMLElement): void {
  let root = document.getElementById('print-root');
  if (!root) {
    root = h('div', { attrs: { id: 'print-root', 'aria-hidden': 'true' } });
    document.body.append(root);
  }
  const copy = doc.cloneNode(true) as HTMLElement;
  for (const control of copy.querySelectorAll('button')) control.remove();
  root.replaceChildren(copy);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const quarterLabels = (d: DebriefData) => d.timeline.map((t) => `Q${t.quarter}`);
const disputeMarker = (d: DebriefData) =>
  d.dispute?.decidedInQuarter ? { index: d.dispute.decidedInQuarter - 1, label: `Dispute: ${d.dispute.decision ?? 'open'}` } : null;
/** The money axes' figures, abbreviated in the scenario's currency ("$1.04M", "$148K") so they fit beside the chart. */
const kilo = formatShortMoney;

function documentParts(d: DebriefData, forks: Fork[], forkControls: () => HTMLElement | null, forkLabel: (fork: Fork) => string): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const card = d.score;
  // The printed page has no game header around it: it carries its own title.
  parts.push(h('header', { class: 'print-only' }, [h('h1', { text: `Debrief: ${d.scenarioTitle}` }), h('p', { text: `${d.firmName} · seed ${d.seed} · ${d.quarters} quarters` })]));
  parts.push(lessonsView(d));
  parts.push(h('section', { class: 'db-section db-score' }, [
    h('h2', { text: 'Your score' }),
    h('p', { text: `${formatPoints(card.total)} against par ${d.par} (${card.total >= d.par ? 'above' : 'below'} par). Profit ${card.profit}, revenue ${card.revenue}, customer equity ${card.customerEquity}, portfolio health ${card.portfolioHealth}, collaboration ${card.collaboration} points.` }),
  ]));

  const dispute = d.dispute;
  if (dispute) {
    const path = dispute.choices.map((c) => `${c.label} (before Q${c.quarter})`).join(' → ');
    const outcome = dispute.accountLost
      ? `${dispute.accountName} left in quarter ${dispute.accountLostInQuarter}${dispute.accountLossCause === 'anchor' ? `, with ${dispute.productName} gone or dearer adding ${formatPercent(dispute.accountLoss?.anchorChurn ?? 0)} to its risk of leaving that quarter` : dispute.accountLossCause === 'before-dispute' ? ', before the dispute opened' : ''}.`
      : `${dispute.accountName} stayed to the end.`;
    parts.push(h('section', { class: 'db-section db-dispute' }, [
      h('h2', { text: `The dispute over ${dispute.productName}` }),
      h('p', { text: `Opened by quarter ${dispute.openedInQuarter}’s results. Your path: ${path || 'no decision'}.${dispute.heard ? ' A joint meeting heard both sides first.' : ''}` }),
      h('p', { class: 'reveal', text: `Hidden until now: ${dispute.accountName}’s loyalty hung on ${dispute.productName} at ${formatPercent(dispute.anchorStrength)}.${dispute.estimate ? ` Your investigation estimated ${formatPercent(dispute.estimate.estimate)} (${formatPercent(dispute.estimate.low)}–${formatPercent(dispute.estimate.high)}).` : ''} ${outcome}` }),
      dispute.reactions
        ? h('div', { class: 'db-reactions' }, (['marketing', 'sales'] as const).map((side) => {
            const r = dispute.reactions![side];
            return h('figure', { class: `reaction ${r.kind} ${side}` }, [h('blockquote', { text: `“${r.line}”` }), h('figcaption', { text: `${r.name}, ${r.role} — ${r.kind === 'heard' ? 'overruled, but heard' : r.kind === 'overruled' ? 'overruled without a hearing' : r.kind === 'compromise' ? 'met half-way' : 'got their way'}` })]);
          }))
        : null,
    ]));
    const controls = forkControls();
    parts.push(h('section', { class: 'db-section db-fork' }, [
      h('h2', { text: 'What if you had chosen differently?' }),
      h('p', { class: 'meta', text: 'The game replayed from the dispute with another decision, on exactly the same luck and with your later moves (a move that no longer fits is dropped).' }),
      controls,
      ...forks.map((fork, i) => forkView(fork, i === 0)),
    ]));
  }

  const labels = quarterLabels(d);
  const marker = disputeMarker(d);
  // The newest what-if is drawn on the game's own charts, dashed, from the quarter it decided otherwise.
  const whatIf = forks[0] ?? null;
  const dashedNote = whatIf ? `What if (dashed): ${forkLabel(whatIf)}` : null;
  const whatIfSeries = (name: string, colour: string, value: (q: Fork['fork']['perQuarter'][number]) => number) =>
    whatIf ? [{ name: `${name}, what if: ${forkLabel(whatIf)}`, colour, values: whatIf.fork.perQuarter.map(value), dashed: true, from: whatIf.fromQuarter - 1 }] : [];
  parts.push(h('section', { class: 'db-section db-charts' }, [
    h('h2', { text: 'The game in charts' }),
    h('div', { class: 'chart-row' }, [
      stackedBars({ title: 'Effort split per quarter', labels, marker, format: (v) => `${Math.round(v)}`, dashedNote }, [
        { name: 'Marketing', colour: CHART_COLOURS.marketing, values: d.timeline.map((t) => t.effort.marketing) },
        { name: 'Sales', colour: CHART_COLOURS.sales, values: d.timeline.map((t) => t.effort.sales) },
        { name: 'Joint', colour: CHART_COLOURS.joint, values: d.timeline.map((t) => t.effort.joint) },
        ...whatIfSeries('Effort', CHART_COLOURS.ink, (q) => q.effort.marketing + q.effort.sales + q.effort.joint),
      ]),
      lineChart({ title: 'Revenue and profit', labels, marker, format: kilo, dashedNote }, [
        { name: 'Revenue', colour: CHART_COLOURS.revenue, values: d.timeline.map((t) => t.revenue) },
        { name: 'Profit', colour: CHART_COLOURS.profit, values: d.timeline.map((t) => t.profit) },
        ...whatIfSeries('Revenue', CHART_COLOURS.revenue, (q) => q.revenue),
        ...whatIfSeries('Profit', CHART_COLOURS.profit, (q) => q.profit),
      ]),
      lineChart({ title: 'Customer equity', labels, marker, format: kilo, dashedNote }, [
        { name: 'Customer equity', colour: CHART_COLOURS.customerEquity, values: d.timeline.map((t) => t.customerEquity) },
        ...whatIfSeries('Customer equity', CHART_COLOURS.customerEquity, (q) => q.customerEquity),
      ]),
    ]),
  ]));

  parts.push(h('section', { class: 'db-section db-timeline' }, [
    h('h2', { text: 'Quarter by quarter' }),
    h('table', { class: 'timeline' }, [
      h('thead', {}, [h('tr', {}, ['Quarter', 'Effort M / S / J', 'Revenue', 'Profit', 'Customer equity', 'Accounts', 'What happened'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))]),
      h('tbody', {}, d.timeline.map((t) =>
        h('tr', {}, [
          h('th', { text: `Q${t.quarter}`, attrs: { scope: 'row' } }),
          h('td', { text: `${t.effort.marketing} / ${t.effort.sales} / ${t.effort.joint}` }),
          h('td', { text: formatMoney(t.revenue) }),
          h('td', { class: t.profit < 0 ? 'neg' : '', text: formatMoney(t.profit) }),
          h('td', { text: formatMoney(t.customerEquity) }),
          h('td', { text: `${t.activeAccounts}${t.won.length ? ` +${t.won.length}` : ''}${t.lost.length ? ` −${t.lost.length} (${t.lost.join(', ')})` : ''}` }),
          h('td', { text: [...t.dispute, ...t.events].join('; ') }),
        ]),
      )),
    ]),
  ]));

  parts.push(h('section', { class: 'db-section db-swings' }, [
    h('h2', { text: 'What caused the big swings' }),
    ...(d.swings.length === 0
      ? [h('p', { text: 'No quarter moved far from the one before.' })]
      : [
          h('ul', { class: 'swing-list', attrs: { 'aria-label': 'The big swings' } }, d.swings.map((s) => h('li', { text: s.text }))),
          h('h3', { text: 'Their causes, each once, in the order they happened' }),
          h('ol', { class: 'causes', attrs: { 'aria-label': 'What led to them, in order' } }, d.causes.map((cause) =>
            h('li', {}, [h('span', { text: `${cause.links.map((l) => l.text).join('; ')}.` }), h('span', { class: 'moved', text: ` ${cause.movedText}` })]),
          )),
        ]),
  ]));

  parts.push(h('section', { class: 'db-section db-ideas' }, [
    h('h2', { text: 'What this game shows' }),
    h('ul', { class: 'ideas' }, d.ideas.map((idea) => h('li', {}, [h('strong', { text: `${idea.title}. ` }), h('span', { text: idea.evidence })]))),
    d.notes.length ? h('h3', { text: 'From the scenario’s author' }) : null,
    d.notes.length ? h('ul', { class: 'notes' }, d.notes.map((n) => h('li', { text: n }))) : null,
  ]));
  return parts;
}

/** The debrief's opening: this game's largest lessons, then what to try next time. */
function lessonsView(d: DebriefData): HTMLElement {
  return h('section', { class: 'db-section db-lessons' }, [
    h('h2', { text: d.lessons.length === 1 ? 'The lesson of this game' : `${lessonCount(d.lessons.length)} lessons from this game` }),
    h('ol', { class: 'lessons', attrs: { 'aria-label': 'Lessons from this game' } }, d.lessons.map((lesson) =>
      h('li', { class: `lesson lesson-${lesson.kind}` }, [h('strong', { class: 'lesson-title', text: lesson.title }), h('span', { text: ` ${lesson.text}` })]),
    )),
    d.nextTime ? h('p', { class: 'next-time', text: d.nextTime.text }) : null,
  ]);
}

const lessonCount = (n: number) => ['No', 'One', 'Two', 'Three', 'Four', 'Five'][n] ?? String(n);

function forkView(fork: Fork, charted: boolean): HTMLElement {
  const row = (label: string, a: string, b: string) => h('tr', {}, [h('th', { text: label, attrs: { scope: 'row' } }), h('td', { text: a }), h('td', { text: b })]);
  const account = (o: Fork['original']) => (o.accountLost ? `lost in Q${o.accountLostInQuarter}` : 'kept');
  const diff = fork.fork.score.total - fork.original.score.total;
  return h('div', { class: 'fork-result' }, [
    h('h3', { text: `Your way (${fork.original.choiceLabels.join(', ')}) against ${fork.fork.choiceLabels.join(', ')}, from quarter ${fork.fromQuarter}` }),
    h('table', { class: 'fork-table' }, [
      h('thead', {}, [h('tr', {}, [h('th', { text: '' }), h('th', { text: 'What you did', attrs: { scope: 'col' } }), h('th', { text: 'The other way', attrs: { scope: 'col' } })])]),
      h('tbody', {}, [
        row('Final score', formatPoints(fork.original.score.total), `${formatPoints(fork.fork.score.total)} (${formatSignedPoints(diff)})`),
        row('Total profit', formatMoney(fork.original.totalProfit), `${formatMoney(fork.fork.totalProfit)} (${formatSignedMoney(fork.fork.totalProfit - fork.original.totalProfit)})`),
        row('Final customer equity', formatMoney(fork.original.finalCustomerEquity), formatMoney(fork.fork.finalCustomerEquity)),
        row('The account', account(fork.original), account(fork.fork)),
      ]),
    ]),
    fork.droppedMoves > 0 ? h('p', { class: 'meta', text: `${fork.droppedMoves} of your later moves did not fit the other game and were dropped.` }) : null,
    charted ? h('p', { class: 'meta', text: 'The charts below draw this other way dashed, over your game.' }) : null,
  ]);
}
