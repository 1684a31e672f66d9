// How figures read on screen: money from integer cents, ratios as percentages. Presentation
// only; every figure formatted here comes from the model.
import { compactText, exactText, unitsText } from '../scenario/currency';

export { useCurrencyOf } from '../scenario/currency';
import type { Cents } from '../sim/index';

/** Whole currency units, in the scenario's currency; a loss with a true minus sign, as every signed figure on screen has: "−$6,373". */
export function formatMoney(cents: Cents): string {
  // `|| 0`: a loss under half a unit rounds to −0, which would print as "-$0".
  const units = Math.round(cents / 100) || 0;
  return units < 0 ? `−${unitsText(-units)}` : unitsText(units);
}

/**
 * Money abbreviated to three significant figures, for a chart's axis where the full figure
 * would not fit: "$1.04M", "$148K", "−$6.37K", "$950".
 */
export function formatShortMoney(cents: Cents): string {
  const units = Math.round(cents / 100) || 0;
  return units < 0 ? `−${compactText(-units)}` : compactText(units);
}

/** Prices are small enough that cents matter. */
export function formatPrice(cents: Cents): string {
  return exactText(cents / 100);
}

export function formatSignedMoney(cents: Cents): string {
  const text = formatMoney(cents);
  return text.startsWith('−') ? text : `+${text}`;
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Score points to one decimal, a negative one with a true minus sign as money has: "41.2", "−11.2". */
export function formatPoints(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  return `${value < 0 && tenths > 0 ? '−' : ''}${(tenths / 10).toFixed(1)}`;
}

/** A change in points, always signed: "+3.4", "−12.5" ("±0.0" when it rounds away). */
export function formatSignedPoints(value: number): string {
  const text = formatPoints(value);
  return text.startsWith('−') ? text : Math.round(Math.abs(value) * 10) === 0 ? `±${text}` : `+${text}`;
}
