// What the quarter report says about the forecast: the planning screen's forecast for the quarter
// just played (the expected figure and the range eight futures in ten fell in) beside what the
// quarter did, and whether the actual fell inside that range. Figures from
// src/debrief/forecast-gap.ts; the words are here.
import type { ForecastGap, GapMeasure, GapPosition, MeasureAgainstForecast } from '../debrief/forecast-gap';
import { formatMoney, formatShortMoney } from './format';
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

export interface ForecastGapView {
  heading: string;
  /** Where the figures come from. */
  note: string;
  /** The heads of the table's columns, the first over the measures. */
  columns: readonly string[];
  rows: ForecastGapRow[];
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

export function forecastGapView(gap: ForecastGap): ForecastGapView {
  return {
    heading: 'Against the forecast',
    note: `What the planning screen forecast for this plan, over ${gap.futures} possible futures`,
    columns: ['', 'Forecast', '8 in 10', 'Actual', ''],
    rows: [row('revenue', gap.revenue), row('profit', gap.profit)],
  };
}
