// `npm run new-scenario -- FILE`: writes a commented starter scenario to FILE (YAML, or JSON for a
// .json name) that loads, plays and passes `check-scenarios` as it is, with money in currency
// units and the moves left to their defaults. Its `$schema` line points at the project's schema
// from where FILE is, so an editor's completion and hover help work wherever it is written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SCHEMA_FILE } from '../scenario/json-schema';
import { formatIssue, isJsonFileName, loadScenario } from '../scenario/load';

const USAGE = 'usage: npm run new-scenario -- FILE [--force]   (FILE ends in .yaml, .yml or .json)';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The schema's path as written in a file at `file`: relative, with forward slashes. */
export function schemaPathFrom(file: string): string {
  const path = relative(dirname(resolve(file)), resolve(ROOT, SCHEMA_FILE)).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The starter's text for a file at `file`, with `id` as its scenario id. */
export function starterYaml(file: string, id: string): string {
  return `# yaml-language-server: $schema=${schemaPathFrom(file)}
# A starter scenario: it loads and plays as it is. Change what you like, then check it with
#   npm run check-scenarios -- ${file}
# The field reference, the model and what each number does: docs/scenarios.md.
id: ${id}
version: 1
# Money is written in this currency with cents as decimals (18.50); see "Money" in the docs.
currency: USD
title: A Starter Firm
briefing: >-
  You run Hillside Bakery, which sells bread to cafés and a hospital. Nina leads marketing and
  looks after the product lines; Omar leads sales and looks after the accounts. Every quarter you
  split ten points of effort between them. The gluten-free line loses money, and Nina wants to
  drop it; Omar says the hospital buys it for its patients.
objectives:
  - See why sales effort pays fast and fades, while marketing effort pays slowly and lasts.
  - Weigh a product's own profit against the customer relationship it anchors.
defaultSeed: 1
quarters: 8
effortBudget: 10
firm:
  name: Hillside Bakery
  cash: 20000          # at the start
  collaboration: 0.5   # between marketing and sales, 0–1
  structure: two-leads
  overhead: 4000       # a quarter, whatever the lines do
model:
  goodwillDecay: 0.2          # marketing's goodwill lost each quarter
  relationshipCarryover: 0.7  # sales' relationships kept each quarter
  satisfactionCarryover: 0.6
  discountRate: 0.03
  baseChurn: 0.16
  priceElasticity: 1.2
  collaborationDrift: 0.1
segments:
  - { id: cafes, name: Cafés, demand: 1 }
  - { id: care, name: Hospitals and care, demand: 1 }
products:
  # price and unitCost per unit, fixedCost a quarter; unitsPerAccount: what a new account buys.
  - { id: sourdough, name: Sourdough, segment: cafes, price: 6.50, unitCost: 3.20, fixedCost: 1500, goodwill: 0.5, quality: 0.6, unitsPerAccount: 2000 }
  - { id: gluten-free, name: Gluten-Free Loaf, segment: care, price: 7.00, unitCost: 5.40, fixedCost: 2500, goodwill: 0.3, quality: 0.5, unitsPerAccount: 200 }
accounts:
  # units: what the account buys a quarter at full relationship, goodwill and demand.
  - id: st-marys
    name: St Mary's Hospital
    key: true
    relationship: 0.6
    satisfaction: 0.6
    buys:
      - { product: sourdough, units: 3600, anchor: { min: 0.05, max: 0.2 } }
      - { product: gluten-free, units: 900, anchor: { min: 0.1, max: 0.8 } }
  - id: bean-and-bun
    name: Bean and Bun
    key: false
    relationship: 0.5
    satisfaction: 0.55
    buys:
      - { product: sourdough, units: 2700, anchor: { min: 0, max: 0.2 } }
  - id: the-corner
    name: The Corner Café
    key: false
    relationship: 0.5
    satisfaction: 0.5
    buys:
      - { product: sourdough, units: 2100, anchor: { min: 0, max: 0.2 } }
market:
  leads: 6
  prospects: 12
  leadDecay: 0.3
  leadsPerGoodwill: 3
  referralRate: 3
  newAccountSize: { min: 0.6, max: 1.4 }
# moves: every move is offered with its default response curve; list only what you change, e.g.
#   moves:
#     brand: { enabled: false }
events:
  - id: gluten-free-review
    title: Nina asks to drop the gluten-free loaf
    trigger: { productLossQuarters: { product: gluten-free, quarters: 2 } }
    effects:
      - { type: dispute }
  - id: cafe-boom
    title: Cafés are busier than ever
    trigger: { quarter: 5 }
    effects:
      - { type: shift-demand, segment: cafes, demand: 1.3 }
      - { type: news, text: "A new office park opens nearby; the cafés want more bread." }
dispute:
  product: gluten-free
  account: st-marys
  marketing:
    name: Nina
    role: Head of Marketing
    argument: The gluten-free loaf loses money every quarter; dropping it saves its fixed costs.
    reactions:
      prevailed: "Good. Now the ovens bake what sells."
      compromise: "Fair enough. I'll watch its numbers every quarter."
      heard: "I still disagree, but I had my say."
      overruled: "So the numbers don't matter. Fine."
  sales:
    name: Omar
    role: Head of Sales
    argument: St Mary's buys the gluten-free loaf for its patients; without it they may go elsewhere.
    reactions:
      prevailed: "Thank you. I'll tell St Mary's."
      compromise: "I can sell that to St Mary's if we handle it with care."
      heard: "I don't like it, but you heard me out."
      overruled: "Nobody asked me. If St Mary's walks, that's on this decision."
  anchor: { min: 0.05, max: 0.9 }   # how much St Mary's hangs on the line: hidden, drawn per seed
scoring:
  weights: { profit: 3, revenue: 1, customerEquity: 2, portfolioHealth: 1, collaboration: 1 }
  # Over the whole game (profit, revenue) or at its end (customer equity): each scores 100 points.
  targets: { profit: 93000, revenue: 320000, customerEquity: 350000 }
  par: 58   # the total a good game reaches; check-scenarios suggests one
debrief:
  - Marketing built goodwill that kept leads coming; sales turned those leads into accounts.
`;
}

/** The starter as JSON (no comments in JSON: the docs say what each field is). */
export function starterJson(file: string, id: string): string {
  const data = parse(starterYaml(file, id)) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: schemaPathFrom(file), ...data }, null, 2)}\n`;
}

/** An id from the file's name: "My Firm 2.yaml" → "my-firm-2". */
export function idFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.(ya?ml|json)$/i, '');
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return id === '' ? 'my-scenario' : id;
}

function main(argv: string[]): number {
  const force = argv.includes('--force');
  const files = argv.filter((a) => a !== '--force');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown !== undefined || files.length !== 1 || !/\.(ya?ml|json)$/i.test(files[0]!)) {
    console.error(unknown !== undefined ? `new-scenario: unknown option ${unknown}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0]!;
  if (existsSync(file) && !force) {
    console.error(`${file}: already exists; nothing written (add --force to replace it)`);
    return 1;
  }
  const id = idFromFileName(file);
  const text = isJsonFileName(file) ? starterJson(file, id) : starterYaml(file, id);
  // The starter must load as written; a failure here is a bug of ours, never a file half made.
  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    console.error(`new-scenario: the starter does not load (a bug):\n${loaded.errors.map(formatIssue).join('\n')}`);
    return 1;
  }
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, text);
  console.log(`${file}: written (scenario id "${id}"); check it with: npm run check-scenarios -- ${file}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
