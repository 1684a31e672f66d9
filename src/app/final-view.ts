// What the final results screen shows, worked out from the finished game: the scorecard's rows
// (each component's words, weight and points, in the model's order), the total against par,
// the totals line, the debrief notes and the dispute's course; then the words of the band below
// (a group's result code, or the local scoreboard of solo play). No Phaser: the scene lays it out.
import type { Scoreboard } from '../scoreboard/index';
import type { GameState, Scenario } from '../sim/index';
import type { ScoreComponent, ScoreRun } from '../sim/score';
import { DISPUTE_OPTION_TEXT } from './dispute-text';
import { formatMoney, formatPoints } from './format';
import type { GhostFigures } from './results';
import { SCORE_COMPONENT_WORDS } from './score-words';

/** The score bars run from 0 to this many points. */
export const BAR_MAX_POINTS = 150;

export interface ScoreRowView {
  /** The score card's figure this row is, which also names its colour. */
  key: ScoreComponent;
  label: string;
  run: ScoreRun;
  weight: string;
  points: string;
  /** The bar's length as a share of the full bar (0–1). */
  bar: number;
}

export interface FinalView {
  title: string;
  meta: string;
  total: number;
  par: number;
  /** "3.2 above par" or "4.0 below par". */
  verdict: string;
  /** The moment of passing par, shown once the total has counted up: null below par. */
  parMoment: string | null;
  totalAria: string;
  /** The par line's place along the bars (0–1). */
  parAt: number;
  rows: ScoreRowView[];
  totals: string;
  debrief: string[];
  /** The dispute's course in one sentence, or null when there was none. */
  dispute: string | null;
}

export function finalView(scenario: Scenario, game: GameState): FinalView {
  const last = game.history[game.history.length - 1]!;
  const card = last.score;
  const { par, weights } = scenario.scoring;
  const verdict = card.total >= par ? `${(card.total - par).toFixed(1)} above par` : `${(par - card.total).toFixed(1)} below par`;
  const d = game.dispute;
  return {
    title: `Final results: ${scenario.title}`,
    meta: `${scenario.firm.name} after ${scenario.quarters} quarters · seed ${game.seed}`,
    total: card.total,
    par,
    verdict,
    parMoment: card.total >= par ? (card.total - par < 0.05 ? 'On par: a good game' : `Par beaten by ${(card.total - par).toFixed(1)} points`) : null,
    totalAria: `Total score ${formatPoints(card.total)}, par ${par}: ${verdict}`,
    parAt: par / BAR_MAX_POINTS,
    rows: SCORE_COMPONENT_WORDS.map(({ key, label, run }) => ({
      key,
      label,
      run,
      weight: `× ${weights[key]}`,
      points: formatPoints(card[key]),
      bar: Math.max(0, Math.min(BAR_MAX_POINTS, card[key])) / BAR_MAX_POINTS,
    })),
    totals: `Points: 100 meets the scenario’s target. Totals: revenue ${formatMoney(game.history.reduce((s, r) => s + r.revenue, 0))}, profit ${formatMoney(game.history.reduce((s, r) => s + r.profit, 0))}, final customer equity ${formatMoney(last.customerEquity)}.`,
    debrief: scenario.debrief,
    dispute: d
      ? `The dispute over ${scenario.products.find((p) => p.id === d.product)?.name ?? d.product}: ${d.choices.map((c) => `${DISPUTE_OPTION_TEXT[c.option].label.toLowerCase()} (before quarter ${c.quarter})`).join(', then ') || 'never settled'}. The debrief shows what it did.`
      : null,
  };
}

/** The note under a group's result code: whether a hot-seat code reached the workshop, or what to do with it. */
export function resultCodeNote(hotSeat: boolean, haveWorkshop: boolean, collected: boolean): { alert: boolean; text: string } {
  if (hotSeat && !collected) {
    return {
      alert: true,
      text: haveWorkshop
        ? 'Not collected: this browser refused to store the code in the workshop (storage full or turned off). Copy it or scan it into the scoreboard by hand.'
        : 'Not collected: this device no longer holds a workshop for this heat. Copy the code or scan it into the scoreboard by hand.',
    };
  }
  return {
    alert: false,
    text: collected
      ? 'Collected into the workshop on this device. It carries your decisions: the scoreboard replays them and shows the score they really make.'
      : 'Hand it to your instructor: paste it into the chat, or let them scan the QR code. It carries your decisions: the scoreboard replays them.',
  };
}

export interface LocalBoardRowView {
  rank: string;
  game: string;
  current: boolean;
  score: string;
  totalProfit: string;
  customerEquity: string;
}

export interface LocalBoardView {
  heading: string;
  summary: string;
  rows: LocalBoardRowView[];
  rejected: { game: string; reason: string }[];
}

/** Solo play's local board for the scenario and seed, this game (`current`) marked. */
export function localBoardView(scenario: Scenario, seed: number, board: Scoreboard, current: string, ghost: GhostFigures | null): LocalBoardView {
  const mine = board.entries.find((e) => e.group === current);
  const ranked = mine
    ? `This game ranks ${mine.rank} of ${board.entries.length} played on seed ${seed} in this browser.`
    : 'This game could not be put on the local board.';
  return {
    heading: `Local scoreboard: ${scenario.title}, seed ${seed}`,
    summary: `${ranked}${ghost?.ok ? ` Ghost ${ghost.group} scored ${formatPoints(ghost.score)}.` : ''} Every score is recomputed from the game’s decisions.`,
    rows: board.entries.map((e) => ({
      rank: String(e.rank),
      game: e.group === current ? `${e.group} (this game)` : e.group,
      current: e.group === current,
      score: formatPoints(e.score),
      totalProfit: formatMoney(e.totalProfit),
      customerEquity: formatMoney(e.customerEquity),
    })),
    rejected: board.rejected.map((r) => ({ game: r.group ?? r.label, reason: `Not counted: ${r.message}` })),
  };
}
