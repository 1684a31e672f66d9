// What the planning screen's forecast panel says: the continuation it assumes, this quarter and the
// end of the game as the expected figure with the range eight futures in ten fall in, and what
// each move of the plan adds (this quarter's revenue, next quarter's, the final score). Figures
// from src/sim/forecast.ts through the forecast client; the words are here.
import { CONTINUATION, type Band, type Forecast, type GameState, type MoveEffect, type Scenario } from '../sim/index';
import { accountNames } from '../scenario/account-names';
import type { ForecastShown } from './forecast-client';
import { formatMoney, formatPoints, formatShortMoney, formatSignedPoints } from './format';
import { MOVE_SHORT_LABEL, refusalText } from './move-text';

/** Moves listed one by one; the rest share a line. */
export const EFFECT_ROWS = 4;

export interface ForecastRow {
  term: string;
  /** The mean over futures. */
  value: string;
  /** "$98.1K–$112K": eight futures in ten fall in it. */
  range: string;
  aria: string;
}

export interface EffectRow {
  label: string;
  now: string;
  next: string;
  score: string;
  /** Which cells show a loss. */
  down: { now: boolean; next: boolean; score: boolean };
  aria: string;
}

export interface ForecastPanelView {
  /** What the forecast assumes after this quarter, and over how many futures. */
  assumption: string;
  /** Working, stale or refused; null when the figures are this plan's and complete. */
  status: string | null;
  /** The heads of the figures' two columns. */
  columns: readonly [string, string];
  quarter: ForecastRow[];
  end: ForecastRow[];
  /** The effects table's name, and its columns' heads (the first over the moves). */
  effectsHeading: string;
  effectsColumns: string[];
  effects: EffectRow[];
  /** The moves past EFFECT_ROWS, summed; null when all are listed. */
  moreEffects: string | null;
}

/** Expected is the mean over the futures; eight in ten of them fall between the range's ends. */
const COLUMNS = ['Expected', '8 in 10'] as const;

const CONTINUATION_WORDS: Record<(typeof CONTINUATION)['dispute'], string> = {
  keep: 'the line kept if the dispute comes',
};

function signedShort(cents: number): string {
  const text = formatShortMoney(cents);
  if (Math.round(cents / 100) === 0) return formatShortMoney(0);
  return text.startsWith('−') ? text : `+${text}`;
}

/** "$38K–$51K"; with a minus at either end "−$25K to −$19K", which a dash would run into. */
export function rangeText(low: string, high: string): string {
  return low.startsWith('−') || high.startsWith('−') ? `${low} to ${high}` : `${low}–${high}`;
}

function moneyRow(term: string, band: Band, what: string): ForecastRow {
  return {
    term,
    value: formatMoney(band.mean),
    range: rangeText(formatShortMoney(band.p10), formatShortMoney(band.p90)),
    aria: `${what}: expected ${formatMoney(band.mean)}, eight futures in ten between ${formatMoney(band.p10)} and ${formatMoney(band.p90)}`,
  };
}

function targetName(scenario: Scenario, effect: MoveEffect, names: Map<string, string>): string | null {
  if (effect.target === null) return null;
  return scenario.products.find((p) => p.id === effect.target)?.name ?? names.get(effect.target) ?? effect.target;
}

function effectRow(scenario: Scenario, effect: MoveEffect, names: Map<string, string>): EffectRow {
  const target = targetName(scenario, effect, names);
  const label = `${MOVE_SHORT_LABEL[effect.kind]}${target ? ` · ${target}` : ''} (${effect.points})`;
  const next = effect.nextRevenue === null ? '—' : signedShort(effect.nextRevenue);
  return {
    label,
    now: signedShort(effect.quarterRevenue),
    next,
    score: formatSignedPoints(effect.score),
    down: { now: effect.quarterRevenue <= -50, next: (effect.nextRevenue ?? 0) <= -50, score: effect.score <= -0.05 },
    aria:
      `${label}: ${signedShort(effect.quarterRevenue)} revenue this quarter` +
      (effect.nextRevenue === null ? '' : `, ${next} next quarter`) +
      `, ${formatSignedPoints(effect.score)} on the final score`,
  };
}

/** The panel for what the forecast client shows; null before the first forecast is asked for. */
export function forecastPanel(scenario: Scenario, game: GameState, shown: ForecastShown | null): ForecastPanelView | null {
  if (shown === null) return null;
  const f: Forecast | null = shown.forecast;
  const futures = f?.futures ?? 0;
  let status: string | null = null;
  if (shown.refused) status = `No forecast: ${refusalText(shown.refused)}`;
  else if (f === null) status = 'Playing the plan’s futures…';
  else if (!shown.fresh) status = 'Updating for the new plan…';
  else if (!shown.done) status = 'Working out what each move adds…';
  // A scenario without a dispute (or past its decision) needs no word on how it is settled.
  const disputeWords = scenario.dispute !== undefined && game.dispute?.status !== 'decided' ? ` (${CONTINUATION_WORDS[CONTINUATION.dispute]})` : '';
  const assumption = `If this plan is played every quarter${disputeWords}${futures > 0 ? `, over ${futures} possible futures` : ''}:`;
  if (f === null || shown.refused) return { assumption, status, columns: COLUMNS, quarter: [], end: [], effectsHeading: '', effectsColumns: [], effects: [], moreEffects: null };
  const names = accountNames(scenario, game);
  const score = f.end.score;
  // The moves that cost something (the final score, or next quarter's revenue: closing's
  // pull-forward) are listed before any gain, so a cost is never hidden among "more moves"; then
  // the biggest effects; shown best first.
  const costs = (e: MoveEffect) => e.score < 0 || (e.nextRevenue ?? 0) < 0;
  const bySize = (a: MoveEffect, b: MoveEffect) => Math.abs(b.score) - Math.abs(a.score) || a.index - b.index;
  const ranked = [...f.moves.filter(costs).sort(bySize), ...f.moves.filter((e) => !costs(e)).sort(bySize)];
  const listed = ranked.slice(0, EFFECT_ROWS).sort((a, b) => b.score - a.score || a.index - b.index);
  const rest = ranked.slice(EFFECT_ROWS);
  return {
    assumption,
    status,
    columns: COLUMNS,
    quarter: [moneyRow('Revenue', f.revenue, 'Revenue this quarter'), moneyRow('Profit', f.profit, 'Profit this quarter')],
    end: [
      moneyRow('Total profit', f.end.totalProfit, 'Profit over the whole game'),
      moneyRow('Customer equity', f.end.customerEquity, 'Customer equity at the end'),
      {
        term: 'Final score',
        value: formatPoints(score.mean),
        range: `${rangeText(formatPoints(score.p10), formatPoints(score.p90))} · par ${scenario.scoring.par}`,
        aria: `Final score: expected ${formatPoints(score.mean)}, eight futures in ten between ${formatPoints(score.p10)} and ${formatPoints(score.p90)}; par is ${scenario.scoring.par}`,
      },
    ],
    effectsHeading: 'What each move adds: revenue this quarter and next, and the final score',
    effectsColumns: ['Each move adds', 'Now', 'Next Q', 'Score'],
    effects: listed.map((e) => effectRow(scenario, e, names)),
    moreEffects:
      rest.length > 0 ? `${rest.length} more move${rest.length > 1 ? 's' : ''}: ${formatSignedPoints(rest.reduce((s, e) => s + e.score, 0))} on the final score together` : null,
  };
}
