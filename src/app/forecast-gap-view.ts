// What the quarter report says about the forecast: the planning screen's forecast for the quarter
// just played (the expected figure and the range eight futures in ten fell in) beside what the
// quarter did, and whether the actual fell inside that range; when it fell outside, why: the parts
// of the gap as measured, biggest first, each with its amount and its sign — what the forecast
// could not know (the hidden anchors) or the luck of the quarter's draws. Figures from
// src/debrief/forecast-gap.ts; the words are here.
import { GAP_PART_SOURCE, outsideRange, rankedParts, type ForecastGap, type GapCause, type GapMeasure, type GapPosition, type MeasureAgainstForecast } from '../debrief/forecast-gap';
import { listOf } from '../debrief/format';
import { accountNames } from '../scenario/account-names';
import type { GameState, Scenario } from '../sim/index';
import { formatMoney, formatNumber, formatPercent, formatShortMoney, formatSignedMoney } from './format';
import { rangeText } from './forecast-view';

export interface ForecastGapRow {
  measure: GapMeasure;
  term: string;
  /** The forecast's expected figure (its mean over the futures). */
  forecast: string;
  /** "$98.1K–$112K": eight futures in ten fell in it. */
  range: string;
  actual: string;
  /** "inside the range", "$4,100 above it". */
  verdict: string;
  position: GapPosition;
  aria: string;
}

export interface GapReasonView {
  /** "Luck: demand ran 5% below normal for House Blend". */
  text: string;
  /** The part's amount on the measure the reasons are ranked on: "−$6,100 revenue". */
  amount: string;
  /** The part took from the measure explained. */
  down: boolean;
}

export interface ForecastGapView {
  heading: string;
  /** Where the figures come from. */
  note: string;
  /** The heads of the table's columns, the first over the measures. */
  columns: readonly string[];
  rows: ForecastGapRow[];
  /** Why the quarter fell outside the range; null when both measures fell inside it. */
  why: { heading: string; reasons: GapReasonView[] } | null;
}

const TERMS: Record<GapMeasure, string> = { revenue: 'Revenue', profit: 'Profit' };

/** How far outside the range the actual fell, or that it fell inside. */
function verdictOf(m: MeasureAgainstForecast): string {
  switch (m.position) {
    case 'inside':
      return 'inside the range';
    case 'above':
      return `${formatMoney(m.actual - m.forecast.p90)} above it`;
    case 'below':
      return `${formatMoney(m.forecast.p10 - m.actual)} below it`;
  }
}

function row(measure: GapMeasure, m: MeasureAgainstForecast): ForecastGapRow {
  const term = TERMS[measure];
  const verdict = verdictOf(m);
  return {
    measure,
    term,
    forecast: formatMoney(m.forecast.mean),
    range: rangeText(formatShortMoney(m.forecast.p10), formatShortMoney(m.forecast.p90)),
    actual: formatMoney(m.actual),
    verdict,
    position: m.position,
    aria:
      `${term}: the forecast expected ${formatMoney(m.forecast.mean)}, eight futures in ten between ` +
      `${formatMoney(m.forecast.p10)} and ${formatMoney(m.forecast.p90)}; the quarter made ${formatMoney(m.actual)}, ${verdict === 'inside the range' ? verdict : `${verdict}, outside the range`}`,
  };
}

const SOURCE_WORDS: Record<(typeof GAP_PART_SOURCE)[keyof typeof GAP_PART_SOURCE], string> = {
  hidden: 'Hidden from the forecast',
  luck: 'Luck',
};

/** A mean count over the futures: "0.8", "2". */
const meanCount = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 1);

/** A demand against normal: "5% above normal", "3% below", "normal". */
function demandWords(level: number, first: boolean): string {
  const off = Math.round((level - 1) * 100);
  if (off === 0) return 'normal';
  return `${Math.abs(off)}% ${off > 0 ? 'above' : 'below'}${first ? ' normal' : ''}`;
}

function reasonText(scenario: Scenario, names: Map<string, string>, cause: GapCause): string {
  const line = (id: string) => scenario.products.find((p) => p.id === id)?.name ?? id;
  const account = (id: string) => names.get(id) ?? id;
  const f = cause.figures;
  let text: string;
  switch (cause.part) {
    case 'anchors':
      text = `the accounts that bought ${listOf(cause.products.map(line))} hung on ${cause.products.length === 1 ? 'it' : 'them'} ${cause.revenue + cause.profit < 0 ? 'more' : 'less'} than it allowed for`;
      break;
    case 'demand': {
      const shown = cause.products.slice(0, 2);
      text = `demand ran ${shown.map((id, i) => `${demandWords(f[`demand:${id}`]!, i === 0)} for ${line(id)}`).join(' and ')}`;
      break;
    }
    case 'new-accounts': {
      const won = f.won!;
      const bought = won === 0 ? '' : `, buying ${formatMoney(f.wonRevenue!)}`;
      const futuresBought = f.futuresWon! === 0 ? '' : `, buying ${formatMoney(f.futuresWonRevenue!)}`;
      text = `${won === 0 ? 'no new account' : `${won} new account${won === 1 ? '' : 's'}`} won${bought}; the futures won ${meanCount(f.futuresWon!)}${futuresBought} on average`;
      break;
    }
    case 'churn': {
      const futures = `the futures lost ${meanCount(f.futuresLost!)} on average`;
      if (cause.accounts.length === 0) text = `no account left; ${futures}`;
      else {
        const risks = cause.accounts.map((id) => formatPercent(f[`risk:${id}`]!));
        text = `${listOf(cause.accounts.map(account))} left (${risks.length === 1 ? `a ${risks[0]} risk` : `risks of ${listOf(risks)}`}); ${futures}`;
      }
      break;
    }
  }
  return `${SOURCE_WORDS[GAP_PART_SOURCE[cause.part]]}: ${text}`;
}

/** "revenue fell below the range", "revenue and profit rose above it". */
function whyHeading(gap: ForecastGap, outside: readonly GapMeasure[]): string {
  const words = (m: GapMeasure) => (gap[m].position === 'above' ? 'rose above' : 'fell below');
  const [first, second] = outside;
  if (second === undefined) return `Why ${TERMS[first!].toLowerCase()} ${words(first!)} the forecast’s range:`;
  if (words(first!) === words(second)) return `Why revenue and profit ${words(first!)} the forecast’s range:`;
  return `Why ${TERMS[first!].toLowerCase()} ${words(first!)} the forecast’s range and ${TERMS[second].toLowerCase()} ${words(second)} it:`;
}

/**
 * The report's block: the forecast beside the actual, and why the quarter fell outside the
 * range. The reasons are ranked on profit when profit fell outside, else on revenue.
 */
export function forecastGapView(scenario: Scenario, game: GameState, gap: ForecastGap): ForecastGapView {
  const outside = outsideRange(gap);
  let why: ForecastGapView['why'] = null;
  if (outside.length > 0) {
    const names = accountNames(scenario, game);
    const ranked: GapMeasure = outside.includes('profit') ? 'profit' : 'revenue';
    const amount = (cause: GapCause) => `${formatSignedMoney(cause[ranked])} ${TERMS[ranked].toLowerCase()}`;
    why = {
      heading: whyHeading(gap, outside),
      reasons: rankedParts(gap, ranked).map((cause) => ({ text: reasonText(scenario, names, cause), amount: amount(cause), down: cause[ranked] < 0 })),
    };
  }
  return {
    heading: 'Against the forecast',
    note: `What the planning screen forecast for this plan, over ${gap.futures} possible futures`,
    columns: ['', 'Forecast', '8 in 10', 'Actual', ''],
    rows: [row('revenue', gap.revenue), row('profit', gap.profit)],
    why,
  };
}
