// How money reads on screen and in the debrief: integer cents in the currency the scenario
// names (`currency`, ISO 4217; USD when it names none). A page shows one scenario's game at a
// time, so the display currency is set once when a scenario is opened (the session and the
// scenario preview do it) and every figure formatted after reads it, as a locale would be.
import { DEFAULT_CURRENCY } from './money';

interface Formats {
  code: string;
  whole: Intl.NumberFormat;
  exact: Intl.NumberFormat;
  compact: Intl.NumberFormat;
}

function formatsFor(code: string): Formats {
  try {
    return {
      code,
      whole: new Intl.NumberFormat('en-US', { style: 'currency', currency: code, maximumFractionDigits: 0, minimumFractionDigits: 0 }),
      exact: new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      compact: new Intl.NumberFormat('en-US', { style: 'currency', currency: code, notation: 'compact', maximumSignificantDigits: 3 }),
    };
  } catch {
    // Intl shows a well-formed code it does not know as the code itself ("XQZ 6,373"); only a
    // malformed one throws, and the schema refuses those before a game starts.
    return formatsFor(DEFAULT_CURRENCY);
  }
}

let current = formatsFor(DEFAULT_CURRENCY);

/** Shows money in this scenario's currency from now on. */
export function useCurrencyOf(scenario: { currency?: string }): void {
  const code = scenario.currency ?? DEFAULT_CURRENCY;
  if (code !== current.code) current = formatsFor(code);
}

/** A non-negative amount of whole currency units, thousands separated: "$6,373". */
export function unitsText(units: number): string {
  return current.whole.format(units);
}

/** A non-negative amount in units and cents, for prices: "$32.50". */
export function exactText(units: number): string {
  return current.exact.format(units);
}

/** A non-negative amount of whole units to three significant figures, for a chart's axis: "$1.04M". */
export function compactText(units: number): string {
  return current.compact.format(units);
}
