// How figures read on screen: money from integer cents, ratios as percentages. Presentation
// only; every figure formatted here comes from the model.
import type { Cents } from '../sim/index';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const exactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

export function formatMoney(cents: Cents): string {
  return money.format(Math.round(cents / 100));
}

/** Prices are small enough that cents matter. */
export function formatPrice(cents: Cents): string {
  return exactMoney.format(cents / 100);
}

export function formatSignedMoney(cents: Cents): string {
  const text = formatMoney(Math.abs(cents));
  return cents < 0 ? `−${text}` : `+${text}`;
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
