// The one schema of a scenario file: the zod schema below is the runtime validation, its
// inferred type is checked against the model's `Scenario` (so the two cannot drift), and the
// exported JSON Schema is generated from it. Ranges here are the file format's limits: they
// keep hostile or mistaken files out, and the `.describe()` texts are what editors and the
// generated docs show an instructor.
import { z } from 'zod';
import type { IncentiveMeasure, MoveKind, Scenario } from '../sim/types';
import { DEFAULT_PORTRAIT, PORTRAITS } from './portraits.ts';
import { ID_PATTERN } from './ids.ts';
import { MOVE_DEFAULTS } from './move-defaults.ts';
import { formatNumber } from './issues.ts';
import { CURRENCY_PATTERN, DEFAULT_CURRENCY, MAX_CENTS, expectedMoney, moneyFormOf, moneyProblem, moneyValues, type MoneyForm } from './money.ts';

/** What a value must look like, in an instructor's words; used to build error messages. */
export const expectations = z.registry<{ expected: string }>();

function expecting<S extends z.ZodType>(schema: S, expected: string): S {
  expectations.add(schema, { expected });
  return schema;
}

export { ID_PATTERN, MAX_CENTS };
export const MAX_TITLE = 80;
export const MAX_TEXT = 2000;
/** The key a JSON file uses to name its schema for editors; the loader drops it before validation. */
export const SCHEMA_KEY = '$schema';

export const LIMITS = {
  quarters: { min: 4, max: 20 },
  effortBudget: { min: 4, max: 100 },
  products: { min: 1, max: 12 },
  accounts: { min: 1, max: 60 },
  segments: { min: 1, max: 12 },
  events: { min: 0, max: 50 },
  effects: { min: 1, max: 10 },
  objectives: { min: 1, max: 10 },
  debrief: { min: 0, max: 20 },
  prospects: { min: 0, max: 200 },
  buys: { min: 1, max: 12 },
  accountNames: { min: 1, max: 200 },
} as const;

const id = () =>
  expecting(
    z.string().regex(ID_PATTERN),
    'an id: 1 to 40 lowercase letters, digits or hyphens, starting with a letter or digit',
  );
const title = () => expecting(z.string().min(1).max(MAX_TITLE), `text of 1 to ${MAX_TITLE} characters`);
const text = () => expecting(z.string().min(1).max(MAX_TEXT), `text of 1 to ${MAX_TEXT} characters`);
const ratio = () => expecting(z.number().min(0).max(1), 'a number from 0 to 1');
const intIn = (min: number, max: number) =>
  expecting(z.int().min(min).max(max), `a whole number from ${formatNumber(min)} to ${formatNumber(max)}`);
const numIn = (min: number, max: number) => expecting(z.number().min(min).max(max), `a number from ${formatNumber(min)} to ${formatNumber(max)}`);
const positiveUpTo = (max: number) =>
  expecting(z.number().gt(0).max(max), `a number above 0 and at most ${formatNumber(max)}`);
// Money's type and outer bounds; the least amount and whole cents or currency units are checked
// by the form check at the end (money.ts), which sees the file's `currency`. The words differ by
// form, so the schema is built once for each.
/** The JSON Schema title of every money field; the docs generator reads it. */
export const MONEY_TITLE = 'money';
type Money = (least: 'positive' | 'zero' | 'signed') => z.ZodNumber;
const moneyIn =
  (form: MoneyForm): Money =>
  (least) =>
    expecting(
      z.number().min(-MAX_CENTS).max(MAX_CENTS).meta({ title: MONEY_TITLE }),
      expectedMoney({ path: [], min: least === 'positive' ? 1 : least === 'zero' ? 0 : -MAX_CENTS }, form, 'the file’s currency'),
    );

const flag = () => expecting(z.boolean(), 'true or false');
const listOf = <T extends z.ZodType>(item: T, limits: { min: number; max: number }, noun: string) =>
  expecting(
    z.array(item).min(limits.min).max(limits.max),
    limits.min === 0 ? `a list of at most ${limits.max} ${noun}` : `a list of ${limits.min} to ${limits.max} ${noun}`,
  );
const mapping = <T extends z.core.$ZodLooseShape>(shape: T) =>
  expecting(z.strictObject(shape), 'a mapping of fields (name: value)');

// --- building blocks ---------------------------------------------------------------------

const responseCurveSchema = mapping({
  a: ratio().describe('Response at saturation, as effort grows without limit (0–1).'),
  b: ratio().describe('Response with no effort at all (0–1).'),
  c: intIn(1, 4).describe('Shape: a whole number 1–4; above 1 gives an S-curve (slow start, then a surge).'),
  d: positiveUpTo(10_000).describe('Half-saturation: when effort to the power c equals d, the response is halfway from b to a.'),
}).meta({ id: 'responseCurve' });

const moveTuningSchema = (kind: MoveKind) => {
  const { response, meaning, suggested } = MOVE_DEFAULTS[kind];
  const range = ([low, high]: readonly [number, number]) => (low === high ? `${low}` : `${low}–${high}`);
  const curveText = `a ${response.a}, b ${response.b}, c ${response.c}, d ${response.d}`;
  return mapping({
    enabled: flag().default(true).describe('Whether the move is offered in this scenario (default true).'),
    response: responseCurveSchema
      .default(() => ({ ...response }))
      .describe(
        `ADBUDG response curve (Little 1970) of the move’s effect to the effort points put into it. Here the response is ${meaning}. Default ${curveText}; worth trying a ${range(suggested.a)}, d ${range(suggested.d)}.`,
      ),
  })
    .prefault({})
    .meta({ examples: [{ enabled: true, response: { ...response } }] });
};

// The move list is repeated here rather than imported because this layer may import only
// the model's types; the assertion below fails to compile if the two lists ever differ.
const MOVE_KIND_LIST = [
  'campaign',
  'research',
  'improve',
  'price',
  'brand',
  'portfolio-review',
  'prospecting',
  'service',
  'relationship',
  'referrals',
  'closing',
  'discounting',
  'alignment',
] as const;

const MOVE_HELP: Record<MoveKind, string> = {
  campaign: 'Marketing: a campaign for one product line (builds its goodwill).',
  research: 'Marketing: customer research (sharpens later campaigns and product decisions).',
  improve: 'Marketing: improve one product line’s quality.',
  price: 'Marketing: change one product line’s price.',
  brand: 'Marketing: brand building across all product lines.',
  'portfolio-review': 'Marketing: review the product portfolio (trims fixed costs).',
  prospecting: 'Sales: prospect for new accounts (converts leads).',
  service: 'Sales: service one account (raises its satisfaction).',
  relationship: 'Sales: relationship work with one account.',
  referrals: 'Sales: ask satisfied accounts for referrals.',
  closing: 'Sales: push to close this quarter (pulls sales forward).',
  discounting: 'Sales: discount to win volume (trains customers to expect discounts).',
  alignment: 'Joint: marketing and sales plan together (raises collaboration).',
};

const moveTuningsSchema = mapping(
  Object.fromEntries(
    MOVE_KIND_LIST.map((kind) => [kind, moveTuningSchema(kind).describe(`${MOVE_HELP[kind]} May be left out: offered, with the default curve.`)]),
  ) as Record<MoveKind, ReturnType<typeof moveTuningSchema>>,
).prefault({});

const anchorRangeSchema = mapping({
  min: ratio().describe('Lowest possible anchor strength (0–1).'),
  max: ratio().describe('Highest possible anchor strength (0–1); not below min.'),
}).meta({ id: 'anchorRange' });

const productSchema = (money: Money) =>
  mapping({
    id: id().describe('Unique id of the product line, used by accounts, events and the dispute.'),
    name: title().describe('Name shown to the player.'),
    segment: id().describe('Id of the market segment whose demand drives this line.'),
    price: money('positive').describe('List price per unit (above 0).'),
    unitCost: money('zero').describe('Variable cost per unit. May exceed the price: a loss-making line is a lesson.'),
    fixedCost: money('zero').describe('Fixed cost per quarter while the line is active.'),
    goodwill: ratio().describe('Starting goodwill, the Nerlove–Arrow stock built by marketing (0–1).'),
    quality: ratio().describe('Starting quality (0–1).'),
    unitsPerAccount: positiveUpTo(1_000_000).describe('Units per quarter a fully engaged new account of size 1 buys.'),
  });

const purchaseSchema = mapping({
  product: id().describe('Id of the product line bought.'),
  units: positiveUpTo(1_000_000).describe('Units per quarter at full relationship, goodwill and demand.'),
  anchor: anchorRangeSchema.describe(
    'Range of the hidden anchor strength, drawn per seed: how much the account’s loyalty hangs on this product.',
  ),
});

const accountSchema = mapping({
  id: id().describe('Unique id of the account.'),
  name: title().describe('Name shown to the player.'),
  relationship: ratio().describe('Starting relationship with the firm’s sales people (0–1).'),
  satisfaction: ratio().describe('Starting satisfaction (0–1).'),
  buys: listOf(purchaseSchema, LIMITS.buys, 'purchases').describe('The product lines the account buys, each at most once.'),
  key: flag().describe('Key accounts are shown as such; the dispute usually turns on one.'),
});

const segmentSchema = mapping({
  id: id().describe('Unique id of the market segment.'),
  name: title().describe('Name shown to the player.'),
  demand: numIn(0, 10).describe('Demand multiplier at the start (1 = normal, 0–10).'),
  accountNames: listOf(title(), LIMITS.accountNames, 'names')
    .optional()
    .describe(
      'Names for the accounts won in this segment (the segment of the first line a won account buys), given out in this order, each at most once. May be left out: won accounts then take names from the game’s own list of business names, and once a list runs out a numbered name ("Retail account 3"). Each name must differ from every other name in the file’s lists and from the accounts’ names.',
    ),
});

const marketSchema = mapping({
  leads: numIn(0, 10_000).describe('Qualified leads at the start.'),
  prospects: intIn(LIMITS.prospects.min, LIMITS.prospects.max).describe(
    'How many new accounts the market can yield over the whole game.',
  ),
  leadDecay: ratio().describe('Fraction of unconverted leads lost each quarter (0–1).'),
  leadsPerGoodwill: numIn(0, 1000).describe('Leads per quarter a product line generates at goodwill 1 and demand 1.'),
  referralRate: numIn(0, 1000).describe(
    'Bass imitation coefficient: referral leads per satisfied active account at full asking effort.',
  ),
  newAccountSize: mapping({
    min: positiveUpTo(10).describe('Smallest relative size of a newly won account.'),
    max: positiveUpTo(10).describe('Largest relative size of a newly won account; not below min.'),
  }).describe('Relative size of a newly won account; its purchases scale each product’s unitsPerAccount.'),
});

const quarterSchema = () => intIn(1, LIMITS.quarters.max);

const eventTriggerSchema = z.union([
  mapping({
    quarter: quarterSchema().describe('The quarter (1-based) at whose end the event fires; not after the last quarter.'),
  }),
  mapping({
    productLossQuarters: mapping({
      product: id().describe('Id of the product line to watch.'),
      quarters: quarterSchema().describe('Quarters in a row the line must lose money for the event to fire; not more than the game has.'),
    }).describe('Fire once a product line has lost money for a number of quarters in a row.'),
  }),
  mapping({
    accountRevenueShare: mapping({
      account: id().describe('Id of the account to watch.'),
      share: ratio().describe('Share of the firm’s revenue in a quarter (0–1) the account must exceed for the event to fire.'),
    }).describe('Fire once an account buys more than a share of the firm’s revenue in a quarter.'),
  }),
]);

const eventEffectSchema = (money: Money) =>
  z.discriminatedUnion('type', [
    mapping({
      type: z.literal('shift-demand').describe('Move a segment’s demand to a new level.'),
      segment: id().describe('Id of the segment whose demand changes.'),
      demand: numIn(0, 10).describe('The segment’s new demand multiplier (1 = normal, 0–10).'),
    }),
    mapping({
      type: z.literal('collaboration').describe('Change the collaboration between marketing and sales.'),
      change: numIn(-1, 1).describe('Added to collaboration (−1 to 1; the result stays within 0–1).'),
    }),
    mapping({
      type: z.literal('cash').describe('A windfall or a bill.'),
      change: money('signed').describe('Added to the firm’s cash (negative for a cost).'),
    }),
    mapping({
      type: z.literal('news').describe('A message to the player.'),
      text: text().describe('What the player reads.'),
    }),
    mapping({
      type: z.literal('dispute').describe('Open the discontinuation dispute described in the dispute section.'),
    }),
  ]);

const eventSchema = (money: Money) =>
  mapping({
    id: id().describe('Unique id of the event.'),
    title: title().describe('Headline shown to the player.'),
    trigger: expecting(eventTriggerSchema, 'one of "quarter: N", "productLossQuarters: { product, quarters }" or "accountRevenueShare: { account, share }"').describe(
      'When the event fires: at a quarter, once a product line has lost money for some quarters in a row, or once an account buys more than a share of the revenue.',
    ),
    effects: listOf(eventEffectSchema(money), LIMITS.effects, 'effects').describe('What happens when the event fires, in order.'),
  });

const leaderSchema = (side: string, wants: string) =>
  mapping({
    name: title().describe(`Name of ${side}’s leader.`),
    role: title().describe(`Their job title, e.g. "Head of ${side === 'marketing' ? 'Marketing' : 'Sales'}".`),
    argument: text().describe(`${side === 'marketing' ? 'Marketing' : 'Sales'}’ case for ${wants}, in the leader’s own words.`),
    reactions: mapping({
      prevailed: text().describe(`What they say when the firm does as they argued (${wants}).`),
      compromise: text().describe('What they say when the firm reprices or phases the line out.'),
      heard: text().describe('What they say when overruled after a joint meeting heard their case.'),
      overruled: text().describe('What they say when overruled without a hearing.'),
    }).describe('How the leader reacts to each outcome, in character; the reaction shows whether they were heard.'),
  });

// The defaults (DESIGN.md): the sales lead is paid on the quarter's revenue and new accounts, the
// marketing lead on the product lines' profit and goodwill over the year.
export const DEFAULT_INCENTIVE = {
  marketing: { lineProfit: 60, goodwill: 40 },
  sales: { revenue: 70, newAccounts: 30 },
} as const satisfies Record<'marketing' | 'sales', Partial<Record<IncentiveMeasure, number>>>;

const incentiveWeight = (what: string) => numIn(0, 100).optional().describe(`Weight of ${what} in the lead’s bonus (0–100; left out, 0).`);

const personSchema = (side: 'marketing' | 'sales') => {
  const title_ = side === 'marketing' ? 'Marketing' : 'Sales';
  const plan = Object.entries(DEFAULT_INCENTIVE[side]).map(([k, v]) => `${k} ${v}`).join(', ');
  return mapping({
    name: title().describe(`Name of the ${side} lead; the dispute’s ${side} leader must be the same person.`),
    role: title().describe(`Their job title, e.g. "Head of ${title_}".`),
    // A string the refinement narrows (not an enum), so the model's type stays a plain id.
    portrait: expecting(
      z.string().refine((v) => (PORTRAITS as readonly string[]).includes(v), { message: `expected one of ${PORTRAITS.map((p) => `"${p}"`).join(', ')}` }),
      `one of ${PORTRAITS.map((p) => `"${p}"`).join(', ')}`,
    )
      .default(DEFAULT_PORTRAIT[side])
      .describe(`Which of the game’s portraits shows them (default "${DEFAULT_PORTRAIT[side]}").`),
    voice: mapping({
      ask: text().optional().describe('How they open their request before a quarter, e.g. "Got a minute before you plan?"'),
      pleased: text().optional().describe('What they say after a quarter that went their way.'),
      worried: text().optional().describe('What they say after a quarter that went against their plan.'),
      unheard: text().optional().describe('What they say after a quarter whose plan gave them less than half of what they asked for.'),
      keyAccountLost: text().optional().describe('What they say when a key account leaves.'),
    })
      .default({})
      .describe('Their lines for each situation; a line left out uses the game’s own words.'),
    incentive: mapping({
      revenue: incentiveWeight('the quarter’s revenue against plan'),
      newAccounts: incentiveWeight('new accounts won in the quarter'),
      lineProfit: incentiveWeight('the product lines’ profit over the year'),
      goodwill: incentiveWeight('the lines’ goodwill against where it started'),
      profit: incentiveWeight('the firm’s profit over the year'),
    })
      .default({ ...DEFAULT_INCENTIVE[side] })
      .describe(`What their bonus is paid on: the weight of each measure (default ${plan}); at least one above 0.`),
  });
};

const peopleSchema = mapping({
  marketing: personSchema('marketing').describe('The marketing lead.'),
  sales: personSchema('sales').describe('The sales lead.'),
});

const disputeSchema = mapping({
  product: id().describe('Id of the product line marketing wants to discontinue.'),
  account: id().describe('Id of the account sales says the product anchors; it must buy the product.'),
  marketing: leaderSchema('marketing', 'discontinuing the line').describe('Marketing’s leader, who argues to discontinue the line.'),
  sales: leaderSchema('sales', 'keeping the line').describe('Sales’ leader, who argues to keep the line for the account.'),
  anchor: anchorRangeSchema.describe(
    'Range of the account’s hidden anchor strength on the product, drawn per seed; overrides the purchase’s range.',
  ),
});

const weight = (what: string) => numIn(0, 100).describe(`Weight of ${what} in the total score (0–100).`);

const scoringSchema = (money: Money) =>
  mapping({
    weights: mapping({
      profit: weight('profit'),
      revenue: weight('revenue'),
      customerEquity: weight('customer equity (lifetime value of the customer base)'),
      portfolioHealth: weight('portfolio health'),
      collaboration: weight('collaboration'),
    }).describe('Weights of the balanced scorecard; at least one above 0.'),
    targets: mapping({
      profit: money('positive').describe('Profit over the whole game that scores 100 points.'),
      revenue: money('positive').describe('Revenue over the whole game that scores 100 points.'),
      customerEquity: money('positive').describe('Customer equity at the end that scores 100 points.'),
    }).describe('The value of each money component that scores 100 points.'),
    par: numIn(0, 200).describe('The total score a good game reaches (0–200).'),
  });

const modelSchema = mapping({
  goodwillDecay: ratio().describe('Nerlove–Arrow goodwill decay per quarter (δ, 0–1).'),
  relationshipCarryover: ratio().describe('CALLPLAN carry-over of account relationships per quarter (λ, 0–1).'),
  satisfactionCarryover: ratio().describe('Carry-over of satisfaction per quarter (0–1).'),
  discountRate: ratio().describe('Quarterly discount rate for customer lifetime value (i, 0–1).'),
  baseChurn: ratio().describe('Churn probability per quarter of an account with zero relationship and satisfaction (0–1).'),
  priceElasticity: numIn(0, 10).describe('Price elasticity of units: units change by −elasticity × the relative price change.'),
  collaborationDrift: ratio().describe('Share of its distance from the guarded rest level 0.3 that collaboration slides back each quarter; alignment lifts it (0–1).'),
});

const firmSchema = (money: Money) =>
  mapping({
    name: title().describe('The firm’s name.'),
    cash: money('signed').describe('Cash at the start (may be negative: a firm in overdraft).'),
    collaboration: ratio().describe('Collaboration between marketing and sales at the start (0–1).'),
    structure: expecting(z.enum(['solo', 'two-leads', 'divisions']), 'one of "solo", "two-leads", "divisions"').describe(
      'One person wearing both hats, a marketing lead and a sales lead, or separate divisions.',
    ),
    overhead: money('zero').describe('Overhead per quarter, whatever the product lines do.'),
  });

// --- the scenario ------------------------------------------------------------------------

function scenarioSchemaFor(form: MoneyForm) {
  const money = moneyIn(form);
  return mapping({
    id: id().describe('Unique id of the scenario; replays and scoreboards refer to it.'),
    version: intIn(1, 1_000_000).describe('Version of this scenario; raise it when the content changes.'),
    currency: expecting(z.string().regex(CURRENCY_PATTERN), 'a currency code: three capital letters (ISO 4217), such as USD, EUR or GBP')
      .optional()
      .describe(
        `The currency money is shown in (ISO 4217, e.g. USD, EUR, GBP). When set, every amount in the file is written in it with cents as decimals (price: 18.50); without it, amounts are whole cents (price: 1850), shown in ${DEFAULT_CURRENCY}.`,
      ),
    title: title().describe('Title shown on the scenario list.'),
    briefing: text().describe('What the player reads before the first quarter.'),
    objectives: listOf(text(), LIMITS.objectives, 'objectives').describe('Learning objectives, shown in the briefing and debrief.'),
    defaultSeed: intIn(0, 2 ** 31 - 1).describe('Seed used when none is given; groups in a workshop share it.'),
    quarters: intIn(LIMITS.quarters.min, LIMITS.quarters.max).describe('Number of quarters (turns) in a game.'),
    effortBudget: intIn(LIMITS.effortBudget.min, LIMITS.effortBudget.max).describe(
      'Effort points the player splits between moves each quarter.',
    ),
    firm: firmSchema(money).describe('The player’s firm at the start.'),
    model: modelSchema.describe('Model parameters; every other constant is fixed in the model.'),
    segments: listOf(segmentSchema, LIMITS.segments, 'segments').describe('Market segments; each product line serves one.'),
    products: listOf(productSchema(money), LIMITS.products, 'product lines').describe('The firm’s product lines.'),
    accounts: listOf(accountSchema, LIMITS.accounts, 'accounts').describe('The firm’s customers at the start.'),
    market: marketSchema.describe('The pool of prospects from which new accounts are won.'),
    moves: moveTuningsSchema.describe('Every move, whether it is offered and how it responds to effort. May be left out, as may any move in it: a move left out is offered, with its default curve.'),
    events: listOf(eventSchema(money), LIMITS.events, 'events').describe('Scripted events: a trigger and its effects.'),
    dispute: disputeSchema.optional().describe('The discontinuation dispute; needed when an event has a "dispute" effect.'),
    people: peopleSchema
      .optional()
      .describe(
        'The two leads as people: before each quarter each asks for effort in the terms of their bonus plan, after it each reacts, and their morale — whether they were heard, how their plan fared — scales their side’s moves. Not for a solo firm. Left out, the leads speak only in the dispute.',
      ),
    scoring: scoringSchema(money).describe('Balanced-scorecard weights, targets and par.'),
    debrief: listOf(text(), LIMITS.debrief, 'notes').describe('Notes shown in the debrief.'),
  })
    .superRefine((data, ctx) => {
      // The money form: whole cents, or currency units when the file sets its currency.
      const form = moneyFormOf(data);
      const currency = data.currency ?? DEFAULT_CURRENCY;
      for (const { field, path, value } of moneyValues(data)) {
        if (typeof value !== 'number') continue;
        const problem = moneyProblem(value, field, form, currency);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [...path], message: problem, input: value });
      }
    })
    .describe('A Marketing & Sales scenario: the firm, its market, the moves on offer, events and scoring.');
}

/** The schema per money form: the same judgement, in the words of the form the file is written in. */
export const scenarioSchemas = { cents: scenarioSchemaFor('cents'), units: scenarioSchemaFor('units') } as const;
/** The schema of the documented form, for editors, docs and tests; its judgement is every form's. */
export const scenarioSchema = scenarioSchemas.units;

// --- drift guard: the schema's type and the model's type must be the same -----------------

/**
 * True when A and B are mutually assignable and, recursively, have the same keys (so an
 * extra optional field on either side is caught too). Tuples keep unions from distributing.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type SameKeys<A, B> = [A] extends [readonly (infer EA)[]]
  ? [B] extends [readonly (infer EB)[]]
    ? Same<EA, EB>
    : false
  : [A] extends [object]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? [{ [K in keyof A & keyof B]-?: Same<NonNullable<A[K]>, NonNullable<B[K]>> }[keyof A & keyof B]] extends [true]
          ? true
          : false
        : false
      : false
    : true;
function assertTrue<T extends true>(): T | undefined {
  return undefined;
}

export type ScenarioFromSchema = z.infer<typeof scenarioSchema>;
assertTrue<Same<ScenarioFromSchema, Scenario>>();
assertTrue<Same<(typeof MOVE_KIND_LIST)[number], MoveKind>>();
