// Meaning checks of a scenario, for `check-scenarios` and the tests: a file can be well-formed
// and still not teach — an event that can never fire, a dispute nothing opens, a par no one
// reaches, a briefing too long for its screen. These run after the loader has accepted a file
// (so they see a whole Scenario) and return errors (the scenario cannot work as written) apart from warnings (it works, but likely
// not as the author meant). Static checks decide what is impossible; bot games over a few
// seeds show what merely never happens in practice. They live in the balance layer, not the
// scenario layer, because they play the model (the scenario layer may use model types only).
import { formatPath, quote, type Path, type ScenarioIssue } from '../scenario/issues';
import { isJsonFileName } from '../scenario/load';
import { SCREEN_LIMITS } from '../scenario/screen-limits';
import { DEFAULT_CURRENCY, moneyFormOf, type MoneyForm } from '../scenario/money';
import { parseSource } from '../scenario/source';
import { CLOSING_PRICE_CONCESSION } from '../sim/model';
import { BOTS, PRICE_MIN_SHARE, REACTION_KINDS, VOICE_SITUATIONS, type Bot, type Scenario } from '../sim/index';
import { finalScore, lossEveryQuarter, partsBelowPar, playBotGames, suggestedPar, type BotGames, type LossEveryQuarter, type PartBelowPar } from './tuning';

export type Severity = 'error' | 'warning';

export interface MeaningIssue {
  path: Path;
  severity: Severity;
  message: string;
}

/** Seeds per bot for the practical checks: enough to see what usually happens, quick to run. */
export const MEANING_SEEDS = 50;

export interface MeaningOptions {
  seeds?: number;
  /** The form the file writes money in (the words of the money checks follow it). */
  moneyForm?: MoneyForm;
  bots?: readonly Bot[];
  /** Bot games already played (check-scenarios shares them with its summary); `seeds` and `bots` are then theirs. */
  played?: BotGames;
}

export function meaningIssues(scenario: Scenario, options: MeaningOptions = {}): MeaningIssue[] {
  const issues: MeaningIssue[] = [];
  const error = (path: Path, message: string) => issues.push({ path, severity: 'error', message });
  const warn = (path: Path, message: string) => issues.push({ path, severity: 'warning', message });

  checkTexts(scenario, warn);
  checkMoney(scenario, options.moneyForm ?? 'cents', warn);
  checkOnePerson(scenario, warn);
  const possible = checkTriggers(scenario, error);
  checkDispute(scenario, possible, error);
  playChecks(scenario, options, possible, warn);
  return issues;
}

// --- texts fit their screens -------------------------------------------------------------

/**
 * A one-person firm has nobody to collaborate with: its collaboration is how well one person's
 * two hats inform each other, a constant of the scenario. Collaboration that drifts, can be
 * raised by meetings, is moved by events or counts in the score would be a stock the player can
 * neither see nor manage (the screens leave it out).
 */
function checkOnePerson(scenario: Scenario, warn: (path: Path, message: string) => void): void {
  if (scenario.firm.structure !== 'solo') return;
  const why = 'a one-person firm has nobody to collaborate with (the screens do not show collaboration for it)';
  if (scenario.model.collaborationDrift !== 0) warn(['model', 'collaborationDrift'], `${why}: set it to 0, or collaboration slides away unseen`);
  if (scenario.moves.alignment.enabled) warn(['moves', 'alignment'], `${why}: alignment meetings have nobody to align; disable the move`);
  if (scenario.scoring.weights.collaboration > 0) warn(['scoring', 'weights', 'collaboration'], `${why}: give it weight 0`);
  scenario.events.forEach((event, i) => event.effects.forEach((effect, j) => {
    if (effect.type === 'collaboration') warn(['events', i, 'effects', j], `${why}: this effect changes nothing the player can see`);
  }));
}

function checkTexts(scenario: Scenario, warn: (path: Path, message: string) => void): void {
  const limit = (field: string) => SCREEN_LIMITS.find((l) => l.field === field)!;
  const fit = (path: Path, field: string, text: string) => {
    const { max, screen } = limit(field);
    const length = [...text].length;
    if (length > max) warn(path, `${length} characters; at most ${max} fit the ${screen} (the rest wraps or is cut)`);
  };
  fit(['title'], 'title', scenario.title);
  fit(['briefing'], 'briefing', scenario.briefing);
  scenario.objectives.forEach((o, i) => fit(['objectives', i], 'objectives[]', o));
  fit(['firm', 'name'], 'firm.name', scenario.firm.name);
  scenario.segments.forEach((s, i) => fit(['segments', i, 'name'], 'segments[].name', s.name));
  scenario.products.forEach((p, i) => fit(['products', i, 'name'], 'products[].name', p.name));
  scenario.accounts.forEach((a, i) => fit(['accounts', i, 'name'], 'accounts[].name', a.name));
  scenario.segments.forEach((s, i) => s.accountNames?.forEach((n, j) => fit(['segments', i, 'accountNames', j], 'segments[].accountNames[]', n)));
  scenario.events.forEach((e, i) => {
    fit(['events', i, 'title'], 'events[].title', e.title);
    e.effects.forEach((effect, j) => {
      if (effect.type === 'news') fit(['events', i, 'effects', j, 'text'], 'events[].effects[].text', effect.text);
    });
  });
  if (scenario.people) {
    for (const side of ['marketing', 'sales'] as const) {
      const person = scenario.people[side];
      fit(['people', side, 'name'], 'people.*.name', person.name);
      for (const situation of VOICE_SITUATIONS) {
        const line = person.voice[situation];
        if (line !== undefined) fit(['people', side, 'voice', situation], 'people.*.voice.*', line);
      }
    }
  }
  if (scenario.dispute) {
    for (const side of ['marketing', 'sales'] as const) {
      const leader = scenario.dispute[side];
      fit(['dispute', side, 'argument'], `dispute.${side}.argument`, leader.argument);
      for (const kind of REACTION_KINDS) fit(['dispute', side, 'reactions', kind], 'dispute.*.reactions.*', leader.reactions[kind]);
      // Trainees meet the firm's people in the briefing; a leader it never names arrives at the
      // dispute as a stranger (or, worse, as a second person for a role the briefing gave a name).
      if (!scenario.briefing.includes(leader.name)) {
        warn(['dispute', side, 'name'], `${quote(leader.name)} leads ${side} in the dispute, but the briefing never names them: name the two leaders there, as the dispute does`);
      }
    }
  }
  scenario.debrief.forEach((d, i) => fit(['debrief', i], 'debrief[]', d));
}

// --- money is written as meant ---------------------------------------------------------

/**
 * A figure under this share of the scale it is measured against looks written in currency units
 * rather than cents (100× too small): the trap of a product table typed in dollars.
 */
const MONEY_SLIP_SHARE = 0.01;
/** A price this many times its unit cost looks like one of the two typed in the other unit. */
const PRICE_COST_SLIP = 50;

/** `cents` as the currency units an author meant, e.g. 54 → "0.54". */
function units(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function checkMoney(scenario: Scenario, form: MoneyForm, warn: (path: Path, message: string) => void): void {
  // The slip differs by form: a file in cents typed in units is 100× too small; a file in units
  // may hold an amount typed in cents (100× too big beside the rest) or a price in cents.
  const currency = scenario.currency ?? DEFAULT_CURRENCY;
  const inCents =
    form === 'cents'
      ? (cents: number) => `money is written in cents, so ${units(cents * 100)} is written ${cents * 100}; or set "currency: ${currency}" and write amounts in currency units`
      : () => `is it 100× off? This file writes money in ${currency} with cents as decimals (currency: ${currency})`;
  const amount = (cents: number, per = '') => (form === 'cents' ? `${cents} (${units(cents)}${per})` : `${units(cents)} ${currency}${per}`);
  // What the accounts buy at list price in a quarter, line by line, at full relationship and demand.
  const lineRevenue = scenario.products.map((p) => {
    let units = 0;
    for (const a of scenario.accounts) for (const b of a.buys) if (b.product === p.id) units += b.units;
    return units * p.price;
  });
  const firmRevenue = lineRevenue.reduce((sum, r) => sum + r, 0);
  // A price flagged explains the rest: what the accounts buy is measured at list price.
  let priceFlagged = false;
  scenario.products.forEach((p, i) => {
    if (p.price < 100) {
      priceFlagged = true;
      const written = form === 'cents' ? `${p.price} is ${units(p.price)} in currency units` : `${units(p.price)} ${currency}`;
      warn(['products', i, 'price'], `${written}, less than one ${form === 'cents' ? 'currency unit' : currency}: ${inCents(p.price)}`);
    } else if (p.unitCost > 0 && p.price > PRICE_COST_SLIP * p.unitCost) {
      priceFlagged = true;
      warn(
        ['products', i, 'price'],
        `${amount(p.price, ' a unit')} is ${Math.round(p.price / p.unitCost)}× its unit cost of ${units(p.unitCost)}: is the price or the unit cost 100× off? (${form === 'cents' ? 'money in this file is in whole cents' : `this file writes money in ${currency} with cents as decimals`})`,
      );
    } else if (p.fixedCost > 0 && p.fixedCost < MONEY_SLIP_SHARE * lineRevenue[i]!) {
      warn(
        ['products', i, 'fixedCost'],
        `${amount(p.fixedCost, ' a quarter')} is under 1% of the ${units(lineRevenue[i]!)} a quarter the accounts buy of this line at list price: ${inCents(p.fixedCost)}`,
      );
    }
  });
  if (!priceFlagged && firmRevenue > 0) {
    const perQuarter = `the ${units(firmRevenue)} a quarter the accounts buy at list price`;
    if (scenario.firm.overhead > 0 && scenario.firm.overhead < MONEY_SLIP_SHARE * firmRevenue) {
      warn(['firm', 'overhead'], `${amount(scenario.firm.overhead, ' a quarter')} is under 1% of ${perQuarter}: ${inCents(scenario.firm.overhead)}`);
    }
    const { revenue, customerEquity } = scenario.scoring.targets;
    if (revenue < MONEY_SLIP_SHARE * firmRevenue * scenario.quarters) {
      warn(['scoring', 'targets', 'revenue'], `${amount(revenue, ' over the game')} is under 1% of ${perQuarter} over ${scenario.quarters} quarters: ${inCents(revenue)}`);
    }
    if (customerEquity < MONEY_SLIP_SHARE * firmRevenue) {
      warn(['scoring', 'targets', 'customerEquity'], `${amount(customerEquity)} is under 1% of ${perQuarter}: ${inCents(customerEquity)}`);
    }
  }
}

// --- every event can trigger -------------------------------------------------------------

/**
 * Whether a product line can ever lose money in a quarter. It loses when revenue falls short of
 * variable plus fixed costs: with a fixed cost that can always happen (a quarter with no sales),
 * without one only when a unit can sell below its cost — at list price, or at the deepest discount
 * and closing concession the scenario's moves allow.
 */
export function lineCanLose(scenario: Scenario, productId: string): boolean {
  const product = scenario.products.find((p) => p.id === productId);
  if (!product) return false;
  if (product.fixedCost > 0) return true;
  const deepestDiscount = scenario.moves.discounting.enabled ? Math.min(1, Math.max(scenario.moves.discounting.response.a, scenario.moves.discounting.response.b)) : 0;
  // Closing sells pulled-forward units at a concession (CLOSING_PRICE_CONCESSION); a price move
  // may cut the list price to PRICE_MIN_SHARE of it.
  const concession = scenario.moves.closing.enabled ? CLOSING_PRICE_CONCESSION : 0;
  const cheapest = scenario.moves.price.enabled ? Math.ceil(product.price * PRICE_MIN_SHARE) : product.price;
  return product.unitCost > cheapest * (1 - deepestDiscount) * (1 - concession);
}

/** The events that can fire at all, by index. A dispute-only event fires only while the dispute can open. */
function checkTriggers(scenario: Scenario, error: (path: Path, message: string) => void): boolean[] {
  return scenario.events.map((event, i) => {
    const path: Path = ['events', i, 'trigger'];
    const trigger = event.trigger;
    const onlyDispute = event.effects.every((e) => e.type === 'dispute');
    // The dispute opens only with a quarter left to live with the decision (resolve.ts).
    const lastUseful = onlyDispute ? scenario.quarters - 1 : scenario.quarters;
    if ('quarter' in trigger) {
      if (trigger.quarter > lastUseful) {
        error([...path, 'quarter'], onlyDispute
          ? `the dispute cannot open in the last quarter (${scenario.quarters}): no quarter would be left to live with the decision; use quarter ${lastUseful} or earlier`
          : `quarter ${trigger.quarter} is after the game's last quarter (${scenario.quarters})`);
        return false;
      }
      return true;
    }
    // A revenue share can only be judged by playing: the bot games below say whether the dispute opens.
    if ('accountRevenueShare' in trigger) return true;
    const { product, quarters } = trigger.productLossQuarters;
    if (!lineCanLose(scenario, product)) {
      error([...path, 'productLossQuarters', 'product'], `${quote(product)} can never lose money (no fixed cost, and its unit cost stays below its lowest selling price), so this event never fires`);
      return false;
    }
    if (quarters > lastUseful) {
      error([...path, 'productLossQuarters', 'quarters'], `a loss streak of ${quarters} quarters ends too late for the dispute to open (it needs a quarter left, so at most ${lastUseful})`);
      return false;
    }
    return true;
  });
}

// --- the dispute can happen --------------------------------------------------------------

function checkDispute(scenario: Scenario, possible: boolean[], error: (path: Path, message: string) => void): void {
  const dispute = scenario.dispute;
  if (!dispute) return;
  const openers = scenario.events.map((e, i) => ({ e, i })).filter(({ e }) => e.effects.some((f) => f.type === 'dispute'));
  if (openers.length === 0) {
    error(['dispute'], 'no event opens the dispute; add an event with the effect { type: dispute }');
    return;
  }
  if (!openers.some(({ i }) => possible[i])) {
    error(['dispute'], `none of the events that open the dispute (${openers.map(({ e }) => quote(e.id)).join(', ')}) can fire`);
  }
}

// --- what bots actually see --------------------------------------------------------------

function playChecks(scenario: Scenario, options: MeaningOptions, possible: boolean[], warn: (path: Path, message: string) => void): void {
  const seeds = options.played?.seeds ?? options.seeds ?? MEANING_SEEDS;
  const bots = options.bots ?? BOTS;
  if (seeds <= 0 || (options.played === undefined && bots.length === 0)) return;
  const played = options.played ?? playBotGames(scenario, seeds, bots);
  if (played.bots.length === 0) return;
  const fired = new Set<string>();
  let disputeOpened = 0;
  let games = 0;
  const reachedPar = new Map<string, number>();
  const par = scenario.scoring.par;
  for (const { bot, games: states } of played.bots) {
    let reached = 0;
    for (const state of states) {
      games++;
      for (const id of state.firedEvents) fired.add(id);
      if (state.dispute) disputeOpened++;
      if (finalScore(state) >= par) reached++;
    }
    reachedPar.set(bot, reached);
  }
  scenario.events.forEach((event, i) => {
    // A dispute-only event is often a backstop ("settle it by quarter 5") that stays silent
    // because another event opened the dispute first: that is it working, not failing.
    const backstop = event.effects.every((e) => e.type === 'dispute') && disputeOpened > 0;
    if (possible[i] && !fired.has(event.id) && !backstop) {
      warn(['events', i, 'trigger'], `event ${quote(event.id)} never fired in ${games} bot games (${played.bots.length} bots × ${seeds} seeds); check its trigger`);
    }
  });
  if (scenario.dispute && disputeOpened === 0) {
    warn(['dispute'], `the dispute never opened in ${games} bot games; check the events that open it`);
  }
  // A firm that loses money whatever it does is worth saying even when par is reachable, and it
  // is the first cause to name when par is not.
  const loss = lossEveryQuarter(scenario, played);
  if (loss) warnLoss(scenario, loss, warn);
  const best = Math.max(0, ...reachedPar.values());
  if (best === 0) {
    // Advice follows the cause: the firm's costs, then a score part out of reach, and only then par.
    const causes: string[] = [];
    if (loss) causes.push(`the firm loses money in every quarter (see the warning at ${formatPath(lossPath(scenario, loss))})`);
    for (const below of partsBelowPar(scenario, played)) {
      if (below.part === 'profit' && loss) continue;
      const at = warnPartBelowPar(below, par, options.moneyForm ?? 'cents', warn);
      causes.push(
        below.target && below.target.reached >= 1
          ? `${at} is out of reach (the best bot's median reaches ${Math.round((100 * below.target.reached) / below.target.current)}% of it)`
          : `${below.part} scores ${below.points.toFixed(1)} points at the best bot's median, under par (see ${at})`,
      );
    }
    const balanced = played.bots.find((b) => b.bot === 'balanced');
    const suggestion = balanced ? ` — ${suggestedPar(balanced.games.map(finalScore))} is the balanced bot's median score, which it reaches in about half the seeds` : '';
    warn(
      ['scoring', 'par'],
      causes.length > 0
        ? `no bot reached par (${par}) in ${seeds} seeds each; first the causes: ${causes.join('; ')}; only if par is still out of reach after those, lower par${suggestion}`
        : `no bot reached par (${par}) in ${seeds} seeds each, though the firm makes money and every score part reaches par at some bot's median; lower par${suggestion}, or make the scenario more forgiving`,
    );
  }
  const extremes = ['all-marketing', 'all-sales', 'random'].filter((name) => (reachedPar.get(name) ?? 0) > seeds / 2);
  if (extremes.length > 0) {
    warn(['scoring', 'par'], `par (${par}) is easy: ${extremes.join(', ')} reached it in more than half of ${seeds} seeds; a one-sided strategy should not look good`);
  }
}

/** Where a firm that loses money every quarter should be changed: a line sold below cost, else the larger fixed cost. */
function lossPath(scenario: Scenario, loss: LossEveryQuarter): Path {
  const index = (id: string) => scenario.products.findIndex((p) => p.id === id);
  if (loss.margin <= 0 && loss.belowCost.length > 0) return ['products', index(loss.belowCost[0]!.product), 'unitCost'];
  if (loss.largestFixed && loss.largestFixed.fixedCost > loss.overhead) return ['products', index(loss.largestFixed.product), 'fixedCost'];
  return ['firm', 'overhead'];
}

function warnLoss(scenario: Scenario, loss: LossEveryQuarter, warn: (path: Path, message: string) => void): void {
  const name = (id: string) => scenario.products.find((p) => p.id === id)?.name ?? id;
  const costs = loss.fixedCosts + loss.overhead;
  const where =
    loss.margin <= 0
      ? `the lines sell below their unit costs (${units(loss.margin)} a quarter over unit costs), so no volume can pay the fixed costs: raise prices or cut unitCost`
      : costs > loss.margin
        ? `fixed costs exceed the margins: the lines earn ${units(loss.margin)} a quarter over their unit costs, but their fixed costs take ${units(loss.fixedCosts)} and the overhead ${units(loss.overhead)}; cut firm.overhead or the lines' fixedCost, or raise the margins (price against unitCost)`
        : `the lines earn ${units(loss.margin)} a quarter over their unit costs against ${units(costs)} of fixed costs and overhead`;
  const below = loss.belowCost.length > 0 ? `; ${loss.belowCost.map((l) => `${name(l.product)} sells below its unit cost (${units(l.margin)} a quarter)`).join(', ')}` : '';
  warn(
    lossPath(scenario, loss),
    `the firm loses money in every quarter whatever the bots do (every bot's median profit is below zero in each quarter); under ${loss.bot}, the best of them, it loses ${units(-loss.profit)} a quarter on average: ${where}${below}`,
  );
}

/** Warns at the part's target (a money part) or weight (the others); returns where, as a path. */
function warnPartBelowPar(below: PartBelowPar, par: number, form: MoneyForm, warn: (path: Path, message: string) => void): string {
  // A target to write as the file writes money: whole cents, or currency units.
  const written = (cents: number) => (form === 'cents' ? `${cents} (${units(cents)})` : `${cents / 100}`);
  if (below.target) {
    const path: Path = ['scoring', 'targets', below.part];
    const t = below.target;
    warn(
      path,
      t.reached >= 1
        ? `out of reach: the best bot (${below.bot}) reaches ${units(t.reached)} at its median, ${Math.round((100 * t.reached) / t.current)}% of this target (${below.points.toFixed(1)} points against par ${par}); a target of about ${written(t.forPar!)} would score par's points`
        : `out of reach: even the best bot's median (${below.bot}) is ${units(t.reached)}, not above zero; a lower target cannot help — the firm's costs and margins can`,
    );
    return formatPath(path);
  }
  const path: Path = ['scoring', 'weights', below.part];
  warn(path, `${below.part} scores at most ${below.points.toFixed(1)} points at any bot's median, under par (${par}): its weight holds the total down; lower the weight or make ${below.part} easier to earn`);
  return formatPath(path);
}

// --- placing the issues in the file ------------------------------------------------------

/**
 * The meaning checks of a file the loader has accepted, each placed at its line and column and
 * sorted by place, errors before warnings on the same spot. `text` is the file's text again:
 * the loader keeps no positions once it has a Scenario, so the file is parsed once more here.
 */
export function checkMeaning(text: string, fileName: string, scenario: Scenario, options: MeaningOptions = {}): ScenarioIssue[] {
  const parsed = parseSource(text, isJsonFileName(fileName));
  const moneyForm = parsed.ok ? moneyFormOf(parsed.source.data) : 'cents';
  const issues = meaningIssues(scenario, { moneyForm, ...options });
  if (issues.length === 0) return [];
  const locate = (path: Path) => (parsed.ok ? parsed.source.locate(path, 'value') : { line: 1, column: 1 });
  return issues
    .map((issue, order) => ({ ...locate(issue.path), order, issue }))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.issue.severity === b.issue.severity ? a.order - b.order : a.issue.severity === 'error' ? -1 : 1))
    .map(({ line, column, issue }) => ({ file: fileName, line, column, path: formatPath(issue.path), message: issue.message, severity: issue.severity }));
}
