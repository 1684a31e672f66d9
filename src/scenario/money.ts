// Money in a scenario file. The model counts integer cents; an instructor thinks in currency
// units. A file that sets `currency` (an ISO 4217 code such as USD) writes every amount in that
// currency with cents as decimals (`price: 18.50`); a file without it is in the first form, whole
// cents (`price: 1850`), and still loads as it always did. The table below is every money field:
// the schema's form check, the JSON Schema's form rules and the conversion to cents all read it.
import type { Path } from './issues.ts';
import { formatNumber } from './issues.ts';

/** Money limit: a billion in currency units (in cents), far beyond any scenario yet short of float trouble. */
export const MAX_CENTS = 100_000_000_000;
/** The currency a file without `currency` is shown in, and that a content hash leaves out. */
export const DEFAULT_CURRENCY = 'USD';
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export type MoneyForm = 'cents' | 'units';

/** One money field: where it is (`*` for every item of a list) and the least it may be, in cents. */
export interface MoneyField {
  path: readonly (string | '*')[];
  min: number;
  /** For a field of one branch of a list of unions: the `type` its item must have. */
  when?: { key: 'type'; value: string };
}

export const MONEY_FIELDS: readonly MoneyField[] = [
  { path: ['firm', 'cash'], min: -MAX_CENTS },
  { path: ['firm', 'overhead'], min: 0 },
  { path: ['products', '*', 'price'], min: 1 },
  { path: ['products', '*', 'unitCost'], min: 0 },
  { path: ['products', '*', 'fixedCost'], min: 0 },
  { path: ['events', '*', 'effects', '*', 'change'], min: -MAX_CENTS, when: { key: 'type', value: 'cash' } },
  { path: ['scoring', 'targets', 'profit'], min: 1 },
  { path: ['scoring', 'targets', 'revenue'], min: 1 },
  { path: ['scoring', 'targets', 'customerEquity'], min: 1 },
];

/** The form a file's data is written in: `currency` set means currency units. */
export function moneyFormOf(data: unknown): MoneyForm {
  return isRecord(data) && data.currency !== undefined ? 'units' : 'cents';
}

export interface MoneyValue {
  field: MoneyField;
  path: Path;
  value: unknown;
}

/** Every money value present in `data` (a field left out or of a shape not yet checked is skipped). */
export function moneyValues(data: unknown): MoneyValue[] {
  const out: MoneyValue[] = [];
  for (const field of MONEY_FIELDS) {
    const walk = (node: unknown, at: number, path: (string | number)[]) => {
      if (at === field.path.length) {
        out.push({ field, path, value: node });
        return;
      }
      const part = field.path[at]!;
      if (part === '*') {
        if (!Array.isArray(node)) return;
        node.forEach((item, index) => walk(item, at + 1, [...path, index]));
        return;
      }
      if (!isRecord(node) || !(part in node)) return;
      if (at === field.path.length - 1 && field.when && node[field.when.key] !== field.when.value) return;
      walk(node[part], at + 1, [...path, part]);
    };
    walk(data, 0, []);
  }
  return out;
}

/** What a money field must be, in the instructor's words, for the file's form. */
export function expectedMoney(field: MoneyField, form: MoneyForm, currency: string): string {
  if (form === 'units') {
    const least = field.min === 1 ? 'above 0' : field.min === 0 ? 'from 0' : `from ${formatNumber(field.min / 100)}`;
    return `an amount in ${currency} with at most two decimals (cents), ${least} to ${formatNumber(MAX_CENTS / 100)}`;
  }
  return `a whole number of cents from ${formatNumber(field.min)} to ${formatNumber(MAX_CENTS)}`;
}

/**
 * Why a number is not an amount of this field in this form, or undefined: the whole-cents and
 * range rules, the ones the JSON Schema says too. Only numbers are judged (the schema judges types).
 */
export function moneyProblem(value: number, field: MoneyField, form: MoneyForm, currency: string): string | undefined {
  const expected = expectedMoney(field, form, currency);
  const found = formatNumber(value);
  if (form === 'cents') {
    if (Number.isInteger(value) && value >= field.min && value <= MAX_CENTS) return undefined;
    const hint = Number.isInteger(value)
      ? ''
      : `; to write money in currency units with cents as decimals (18.50), set the file's currency, e.g. "currency: ${DEFAULT_CURRENCY}" at the top, and write every amount that way`;
    return `expected ${expected}, found ${found}${hint}`;
  }
  if (value >= field.min / 100 && value <= MAX_CENTS / 100) return undefined;
  return `expected ${expected}, found ${found}`;
}

/** An amount in range as exact integer cents, or why it has fractions of a cent. */
function centsOf(value: number, form: MoneyForm): { ok: true; cents: number } | { ok: false; message: string } {
  if (form === 'cents') return { ok: true, cents: value };
  const cents = Math.round(value * 100);
  // Two decimals written in a file arrive as the nearest binary fraction (0.29 × 100 = 28.999…).
  if (Math.abs(value * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cents))) {
    return { ok: false, message: `${formatNumber(value)} has fractions of a cent: write at most two decimals` };
  }
  return { ok: true, cents };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The scenario a checked file means, in integer cents. A file in the default currency means the
 * same scenario whichever form it is written in, so `currency` is kept only when it is another:
 * the content hash, and every replay and result code tied to it, stay those of the cents form.
 */
export function inCents<S extends { currency?: string }>(data: S): { ok: true; scenario: S } | { ok: false; issues: { path: Path; message: string }[] } {
  const form = moneyFormOf(data);
  const { currency, ...rest } = data;
  const scenario = (currency === undefined || currency === DEFAULT_CURRENCY ? rest : { ...rest, currency }) as S;
  if (form === 'cents') return { ok: true, scenario };
  const out = structuredClone(scenario) as unknown;
  const issues: { path: Path; message: string }[] = [];
  for (const { path, value } of moneyValues(out)) {
    if (typeof value !== 'number') continue;
    const converted = centsOf(value, form);
    if (!converted.ok) issues.push({ path, message: converted.message });
    else setAt(out, path, converted.cents);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: out as S };
}

function setAt(root: unknown, path: Path, value: number): void {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
