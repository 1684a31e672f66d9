// What the planning screen shows, worked out from the game flow's snapshot: the move controls of
// each side (their words and targets), each control's points and whether it can move, the budget
// split, the firm's figures, the product lines and a page of accounts, and the help dialog's
// text (the forecast's panel is src/app/forecast-view.ts). Whether Undo and Commit are open is the
// machine's own answer (snapshot.can). No Phaser: the scene only lays this out and sends events.
import { draftMove, lastRecord, remainingBudget, type GameFlowContext, type GameFlowSnapshot, type MoveSlot } from '../flow/index';
import {
  JOINT_MOVES,
  MARKETING_MOVES,
  MOVE_INFO,
  PRICE_MAX_SHARE,
  PRICE_MIN_SHARE,
  SALES_MOVES,
  type GameState,
  type MoveKind,
  type QuarterRecord,
  type Scenario,
} from '../sim/index';
import { accountNames } from '../scenario/account-names';
import { formatMoney, formatNumber, formatPercent, formatPrice, formatSignedMoney } from './format';
import { MOVE_HELP } from './help';
import { MOVE_LABEL, refusalText } from './move-text';
import { prospectsNote, type ProspectsNote } from './prospects-note';
import type { RelationshipChange } from './relationship-change';
import { targetChips, type TargetChips } from './target-chips';
import { usefulCap, type UsefulCap } from './useful-cap';

export type PlanSide = 'marketing' | 'sales' | 'joint';

/** A move's name on screen. */
function moveLabel(kind: MoveKind): string {
  return MOVE_LABEL[kind];
}

// ---------------------------------------------------------------------------------------
// The controls, built once per quarter.

export interface MoveControl {
  kind: MoveKind;
  side: PlanSide;
  label: string;
  /** What the control's picker chooses, or null for a move without a target. */
  target: { kind: 'product' | 'account'; label: string; options: { id: string; name: string }[] } | null;
  /** Whether the move also picks a new price. */
  price: boolean;
  sliderLabel: string;
  lessLabel: string;
  moreLabel: string;
  /** What the move does and what it moves (the row's tooltip). */
  help: string;
}

export interface MoveControls {
  marketing: MoveControl[];
  sales: MoveControl[];
  joint: MoveControl[];
}

/** The scenario's enabled moves of each side; targets are the active lines and accounts. */
export function moveControls(scenario: Scenario, game: GameState): MoveControls {
  const products = game.products.filter((p) => p.active).map((p) => ({ id: p.id, name: productName(scenario, p.id) }));
  const names = accountNames(scenario, game);
  const accounts = game.accounts.filter((a) => a.active).map((a) => ({ id: a.id, name: names.get(a.id) ?? a.name }));
  const control = (kind: MoveKind): MoveControl => {
    const info = MOVE_INFO[kind];
    const label = moveLabel(kind);
    return {
      kind,
      side: info.side,
      label,
      target: info.target === 'none'
        ? null
        : { kind: info.target, label: `${label}: ${info.target === 'product' ? 'product line' : 'account'}`, options: info.target === 'product' ? products : accounts },
      price: kind === 'price',
      sliderLabel: `${label}, effort points`,
      lessLabel: `One point less: ${label}`,
      moreLabel: `One point more: ${label}`,
      help: `${MOVE_HELP[kind].does} ${MOVE_HELP[kind].affects}`,
    };
  };
  const enabled = (kinds: readonly MoveKind[]) => kinds.filter((k) => scenario.moves[k].enabled).map(control);
  return { marketing: enabled(MARKETING_MOVES), sales: enabled(SALES_MOVES), joint: enabled(JOINT_MOVES) };
}

/** The target a picker starts on: the first that already has points in the draft (after a reload), else the first. */
export function initialTarget(context: GameFlowContext, control: MoveControl): string | undefined {
  const options = control.target?.options ?? [];
  return (options.find((t) => draftMove(context, { kind: control.kind, target: t.id })) ?? options[0])?.id;
}

/** The prices the price move offers for a line (steps of 5% of the list price in the range the model accepts) and the one to show. */
export function priceChoices(context: GameFlowContext, productId: string): { options: { text: string; cents: number }[]; selected: number } | null {
  const spec = context.scenario.products.find((p) => p.id === productId);
  const state = context.game.products.find((p) => p.id === productId);
  if (!spec || !state) return null;
  const options: { text: string; cents: number }[] = [];
  for (let share = PRICE_MIN_SHARE; share <= PRICE_MAX_SHARE + 1e-9; share += 0.05) {
    const cents = Math.round(spec.price * share);
    options.push({ text: `${formatPrice(cents)} (${Math.round(share * 100)}%)`, cents });
  }
  const wanted = draftMove(context, { kind: 'price', target: spec.id })?.price ?? state.price;
  const selected = options.reduce((best, o) => (Math.abs(o.cents - wanted) < Math.abs(best - wanted) ? o.cents : best), options[0]!.cents);
  return { options, selected };
}

/**
 * The most points a slot's slider may reach: its own points and what is left of the budget, and
 * no more than the move can use (points a draft already holds past that stay until taken off).
 */
export function pointsAllowed(context: GameFlowContext, slot: MoveSlot): number {
  const own = draftMove(context, slot)?.points ?? 0;
  const cap = usefulCap(context.scenario, context.game, context.draft, slot.kind, slot.target);
  return Math.min(own + remainingBudget(context), cap === null ? Infinity : Math.max(cap.points, own));
}

// ---------------------------------------------------------------------------------------
// What changes with every edit.

export interface MoveState {
  points: number;
  valueText: string;
  lessEnabled: boolean;
  moreEnabled: boolean;
  /** The picker's option texts, with each target's points. */
  optionTexts: string[];
  /** Every target with points, when the picker's own target does not tell the whole story. */
  chips: TargetChips | null;
  /**
   * The line above the slider: what the market still holds for a move that wins accounts ("12 of
   * 18 prospects left in the market"), or why a slider that always stops short does ("1 point is
   * all it needs"); null for most moves.
   */
  note: ProspectsNote | null;
  /** Where the slider stops before the budget does, because more points would do nothing; null when every point counts. */
  cap: UsefulCap | null;
}

export interface Figure {
  term: string;
  value: string;
  /** A signed change, shown beside the value. */
  delta?: string;
}

export interface PlanningView {
  remaining: number;
  budget: number;
  split: Record<PlanSide, number>;
  budgetText: string;
  undoEnabled: boolean;
  commitEnabled: boolean;
  /** Why the last edit or commit was refused, or null. */
  rejection: string | null;
  moves: Map<MoveKind, MoveState>;
}

/** The draft as the controls show it; `selected` is the target each picker shows. */
export function planningView(snapshot: GameFlowSnapshot, controls: readonly MoveControl[], selected: (kind: MoveKind) => string | undefined): PlanningView {
  const context = snapshot.context;
  const remaining = remainingBudget(context);
  const split: Record<PlanSide, number> = { marketing: 0, sales: 0, joint: 0 };
  for (const move of context.draft) split[MOVE_INFO[move.kind].side] += move.points;
  const moves = new Map<MoveKind, MoveState>();
  for (const control of controls) {
    const target = selected(control.kind);
    const slot: MoveSlot = control.target ? { kind: control.kind, target } : { kind: control.kind };
    const points = draftMove(context, slot)?.points ?? 0;
    const targetName = control.target?.options.find((t) => t.id === target)?.name;
    const cap = control.target && target === undefined ? null : usefulCap(context.scenario, context.game, context.draft, control.kind, target);
    moves.set(control.kind, {
      points,
      valueText: `${points} points${control.target ? ` on ${targetName ?? ''}` : ''}`,
      lessEnabled: points > 0,
      moreEnabled: remaining > 0 && (cap === null || points < cap.points),
      optionTexts: (control.target?.options ?? []).map((t) => {
        const p = draftMove(context, { kind: control.kind, target: t.id })?.points ?? 0;
        return p > 0 ? `${t.name} — ${p}` : t.name;
      }),
      chips: control.target ? targetChips(context, control.kind, control.target.options, target) : null,
      note: prospectsNote(context.scenario, context.game, control.kind) ?? (cap?.always ? { text: cap.short, exhausted: false } : null),
      cap,
    });
  }
  return {
    remaining,
    budget: context.scenario.effortBudget,
    split,
    budgetText: `Effort left: ${remaining} of ${context.scenario.effortBudget} · marketing ${split.marketing}, sales ${split.sales}${hasJointWork(context.scenario) ? `, joint ${split.joint}` : ''}`,
    undoEnabled: snapshot.can({ type: 'UNDO' }),
    commitEnabled: snapshot.can({ type: 'COMMIT' }),
    // A lost account's name in a refusal is the model's; the player knows it by the name shown.
    rejection: context.rejection
      ? refusalText(context.rejection.code === 'account-lost' ? { ...context.rejection, name: accountNames(context.scenario, context.game).get(context.rejection.account) ?? context.rejection.name } : context.rejection)
      : null,
    moves,
  };
}

// ---------------------------------------------------------------------------------------
// What changes only with the game state (a move changes only the draft).

/** Whether the scenario has joint work at all (a joint move, or a dispute whose options take joint points). */
export function hasJointWork(scenario: Scenario): boolean {
  return scenario.firm.structure !== 'solo' || JOINT_MOVES.some((k) => scenario.moves[k].enabled) || scenario.dispute !== undefined;
}

export function firmFigures(scenario: Scenario, game: GameState): Figure[] {
  const figures = [
    { term: 'Cash', value: formatMoney(game.cash) },
    { term: 'Leads', value: formatNumber(game.leads, 1) },
    { term: 'Active accounts', value: String(game.accounts.filter((a) => a.active).length) },
  ];
  // One person wears both hats: there is nobody to collaborate with.
  if (scenario.firm.structure !== 'solo') figures.push({ term: 'Collaboration', value: formatPercent(game.collaboration) });
  return figures;
}

export interface ProductRowView {
  name: string;
  active: boolean;
  revenue: string;
  profit: string;
  loss: boolean;
  goodwill: number;
  goodwillText: string;
}

/** Every product line (dropped ones marked) with last quarter's P&L and its goodwill. */
export function productRows(context: GameFlowContext): ProductRowView[] {
  const last = lastRecord(context);
  return context.game.products.map((state) => {
    const ledger = last?.products.find((l) => l.product === state.id);
    return {
      name: productName(context.scenario, state.id) + (state.active ? '' : ' (dropped)'),
      active: state.active,
      revenue: ledger ? formatMoney(ledger.revenue) : '—',
      profit: ledger ? formatMoney(ledger.profit) : '—',
      loss: ledger !== undefined && ledger.profit < 0,
      goodwill: state.goodwill,
      goodwillText: formatPercent(state.goodwill),
    };
  });
}

export interface AccountRowView {
  name: string;
  relationship: number;
  relationshipText: string;
  /** Last quarter's change of the percentage shown ("−4"), or null (before the first quarter, or won in it). */
  change: string | null;
  down: boolean;
  /** Why it moved ("Relationship 61% (−4: decay −7, routine contact +3)"), or just the relationship. */
  why: string;
  /** The same beside the account's name, for the line under the list ("★ Harbor Health: 61% (−4: …)"); null with nothing to explain. */
  detail: string | null;
  /** The change in whole points, to pick the account whose change to explain first. */
  points: number;
}

export interface AccountPageView {
  /** The page shown, kept within the pages there are. */
  page: number;
  pages: number;
  accounts: AccountRowView[];
  /** The line under the list: the biggest change on the page explained, or null before the first quarter. */
  explained: string | null;
  /** "1–14 of 20". */
  range: string;
  previousEnabled: boolean;
  nextEnabled: boolean;
}

/** One page of the active accounts (`perPage` a page), key accounts starred, each with why its relationship moved last quarter (`changes`, by id). */
export function accountPage(scenario: Scenario, game: GameState, page: number, perPage: number, changes: ReadonlyMap<string, RelationshipChange> = new Map()): AccountPageView {
  const active = game.accounts.filter((a) => a.active);
  const names = accountNames(scenario, game);
  const pages = Math.max(1, Math.ceil(active.length / perPage));
  const shownPage = Math.min(page, pages - 1);
  const shown = active.slice(shownPage * perPage, (shownPage + 1) * perPage);
  const rows = shown.map((a): AccountRowView => {
    const change = changes.get(a.id);
    const name = `${a.key ? '★ ' : ''}${names.get(a.id) ?? a.name}`;
    return {
      name,
      relationship: a.relationship,
      relationshipText: formatPercent(a.relationship),
      change: change?.change ?? null,
      down: change?.down ?? false,
      why: change?.text ?? `Relationship ${formatPercent(a.relationship)}`,
      detail: change ? `${name}: ${change.short}` : null,
      points: change?.points ?? 0,
    };
  });
  const biggest = rows.reduce<AccountRowView | null>((best, r) => (r.detail !== null && (best === null || Math.abs(r.points) > Math.abs(best.points)) ? r : best), null);
  return {
    page: shownPage,
    pages,
    accounts: rows,
    explained: biggest?.detail ?? null,
    range: `${shownPage * perPage + 1}–${shownPage * perPage + shown.length} of ${active.length}`,
    previousEnabled: shownPage > 0,
    nextEnabled: shownPage < pages - 1,
  };
}

// ---------------------------------------------------------------------------------------
// The help dialog.

export interface HelpView {
  title: string;
  intro: string;
  groups: { side: PlanSide; heading: string; moves: { label: string; text: string }[] }[];
}

const HELP_HEADINGS: Record<PlanSide, string> = {
  marketing: 'Marketing moves (product lines, long run)',
  sales: 'Sales moves (people and accounts, short run)',
  joint: 'Joint work',
};

/** Every move the model knows, by side, with what it does. */
export function helpView(): HelpView {
  const kinds = Object.keys(MOVE_INFO) as MoveKind[];
  return {
    title: 'What every move does',
    intro: 'Spend up to the quarter’s effort points. Effects follow the model: marketing builds stocks that decay slowly; sales effort pays now and fades.',
    groups: (['marketing', 'sales', 'joint'] as const).map((side) => ({
      side,
      heading: HELP_HEADINGS[side],
      moves: kinds.filter((k) => MOVE_INFO[k].side === side).map((k) => ({ label: moveLabel(k), text: `${MOVE_HELP[k].does} ${MOVE_HELP[k].affects}` })),
    })),
  };
}

function productName(scenario: Scenario, id: string): string {
  return scenario.products.find((p) => p.id === id)?.name ?? id;
}

/**
 * What Commit asks first when effort is left unspent (points not used are gone when the quarter
 * ends); null when every point is planned.
 */
export function unspentQuestion(remaining: number, budget: number): string | null {
  if (remaining <= 0) return null;
  const points = remaining === 1 ? '1 point' : `${remaining} points`;
  return remaining === budget
    ? `Nothing is planned: all ${budget} effort points would go unused this quarter. Commit anyway?`
    : `${points} of ${budget} left unspent: unused effort is lost when the quarter ends. Commit anyway?`;
}
