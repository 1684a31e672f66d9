// The screen's figures: a negative reads with a true minus sign (U+2212) everywhere, money and
// points alike, and nothing rounds to a signed zero.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPoints, formatPrice, formatShortMoney, formatSignedMoney, formatSignedPoints, useCurrencyOf } from '../../src/app/format';

describe('screen formats', () => {
  it('writes money in whole dollars, a loss with a minus sign', () => {
    expect(formatMoney(2_489_400)).toBe('$24,894');
    expect(formatMoney(-637_300)).toBe('−$6,373');
    expect(formatMoney(-40)).toBe('$0');
    expect(formatSignedMoney(400_000)).toBe('+$4,000');
    expect(formatSignedMoney(-1_250_000)).toBe('−$12,500');
  });

  it('writes points to one decimal, a negative with a minus sign', () => {
    expect(formatPoints(41.2)).toBe('41.2');
    expect(formatPoints(-11.24)).toBe('−11.2');
    expect(formatPoints(-0.04)).toBe('0.0');
    expect(formatPoints(200)).toBe('200.0');
    expect(formatSignedPoints(3.44)).toBe('+3.4');
    expect(formatSignedPoints(-12.5)).toBe('−12.5');
    expect(formatSignedPoints(0.01)).toBe('±0.0');
  });

  it('abbreviates money for a chart axis to three figures, so a large firm’s figure still fits', () => {
    expect(formatShortMoney(103_929_000)).toBe('$1.04M');
    expect(formatShortMoney(14_802_100)).toBe('$148K');
    expect(formatShortMoney(-637_300)).toBe('−$6.37K');
    expect(formatShortMoney(95_000)).toBe('$950');
    expect(formatShortMoney(-40)).toBe('$0');
  });

  it('shows every form of money in the scenario’s currency once it is set, and USD again for a scenario without one', () => {
    useCurrencyOf({ currency: 'EUR' });
    expect([formatMoney(-637_300), formatPrice(3250), formatShortMoney(103_929_000)]).toEqual(['−€6,373', '€32.50', '€1.04M']);
    useCurrencyOf({});
    expect([formatMoney(-637_300), formatPrice(3250), formatShortMoney(103_929_000)]).toEqual(['−$6,373', '$32.50', '$1.04M']);
  });
});
