// The preview of an opened scenario file (src/app/scenario-preview.ts): every product line and
// account, each event with its trigger and effects in words, the dispute (line, account, both
// leads, what opens it) and the scorecard with weights, targets and par; read from the scenario.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPrice, useCurrencyOf } from '../../src/app/format';
import { effectWords, scenarioPreview, triggerWords } from '../../src/app/scenario-preview';
import type { Scenario } from '../../src/sim/index';
import { loadShipped, nameOf } from '../support/scenarios';

const divisions = loadShipped('divisions');
const solo = loadShipped('solo-founder');

describe('the preview of a scenario file', () => {
  useCurrencyOf(divisions);
  const view = scenarioPreview(divisions, 'divisions.yaml');

  it('says where it comes from and how long it plays', () => {
    expect(view.title).toBe(divisions.title);
    expect(view.meta).toBe(`From the file “divisions.yaml” · ${divisions.quarters} quarters · ${divisions.firm.name} · ${divisions.effortBudget} effort points a quarter`);
    expect(view.briefing).toBe(divisions.briefing);
    expect(view.objectives).toEqual(divisions.objectives);
  });

  it('lists every product line with its price and every account, key ones marked, with what each buys', () => {
    expect(view.products).toEqual(divisions.products.map((p) => ({ name: p.name, figure: `${formatPrice(p.price)} a unit` })));
    expect(view.accounts.map((a) => a.name)).toEqual(divisions.accounts.map((a) => a.name));
    expect(view.accounts.length).toBe(divisions.accounts.length);
    const keys = divisions.accounts.filter((a) => a.key).length;
    expect(view.accountsHeading).toBe(`Accounts (${divisions.accounts.length}, ${keys} key)`);
    const crestline = divisions.accounts.find((a) => a.id === 'crestline')!;
    const units = crestline.buys.reduce((s, b) => s + b.units, 0);
    expect(view.accounts[0]).toEqual({
      name: crestline.name,
      key: true,
      marker: '★ key account',
      detail: `buys ${crestline.buys.length} lines, ${units.toLocaleString('en-US')} units a quarter at best`,
    });
    expect(view.accounts.filter((a) => a.marker !== null).length).toBe(keys);
  });

  it('gives each event its title, its trigger in words and its effects', () => {
    expect(view.eventsHeading).toBe(`Events (${divisions.events.length})`);
    expect(view.noEvents).toBeNull();
    expect(view.events.map((e) => e.title)).toEqual(divisions.events.map((e) => e.title));
    const printing = nameOf(divisions.products, 'print-supplies');
    expect(view.events[0]).toEqual({
      title: divisions.events[0]!.title,
      trigger: `When ${printing} has lost money 3 quarters in a row`,
      effects: [`Opens the dispute over ${printing}.`],
    });
    const hybrid = view.events.find((e) => e.title === 'Offices go hybrid')!;
    expect(hybrid.trigger).toBe('In quarter 6');
    expect(hybrid.effects).toEqual([
      `Demand from ${nameOf(divisions.segments, 'paper')} moves to 70% of normal.`,
      `Demand from ${nameOf(divisions.segments, 'furniture')} moves to 150% of normal.`,
      `News: “${(divisions.events.find((e) => e.id === 'hybrid-work')!.effects[2] as { text: string }).text}”`,
    ]);
    expect(view.events.find((e) => e.title.startsWith('A reorganisation'))!.effects[0]).toBe('Collaboration between marketing and sales falls by 10 points.');
  });

  it('words every kind of trigger and effect', () => {
    const s = divisions;
    const account = s.accounts[1]!;
    expect(triggerWords(s, { accountRevenueShare: { account: account.id, share: 0.3 } })).toBe(`When ${account.name} brings in more than 30% of a quarter's revenue`);
    expect(triggerWords(s, { productLossQuarters: { product: s.products[0]!.id, quarters: 1 } })).toBe(`When ${s.products[0]!.name} has lost money for a quarter`);
    expect(effectWords(s, { type: 'cash', change: -500_000 })).toBe(`Cash ${formatMoney(-500_000)}.`);
    expect(effectWords(s, { type: 'collaboration', change: 0.05 })).toBe('Collaboration between marketing and sales rises by 5 points.');
  });

  it('names the dispute’s line and account, both leads with their cases, and the events that open it', () => {
    const { dispute } = divisions;
    expect('none' in view.dispute).toBe(false);
    const shown = view.dispute as Exclude<typeof view.dispute, { none: string }>;
    expect(shown.product).toBe(nameOf(divisions.products, dispute!.product));
    expect(shown.account).toBe(nameOf(divisions.accounts, dispute!.account));
    expect(shown.summary).toBe(`Over ${shown.product}, which ${shown.account} buys: marketing argues to drop the line, sales to keep it for the account.`);
    expect(shown.leads).toEqual([
      { side: 'marketing', heading: `Marketing: ${dispute!.marketing.name}, ${dispute!.marketing.role}`, argument: dispute!.marketing.argument },
      { side: 'sales', heading: `Sales: ${dispute!.sales.name}, ${dispute!.sales.role}`, argument: dispute!.sales.argument },
    ]);
    expect(shown.opens).toBe(
      `Opened by the first of: ${divisions.events[0]!.title} (when ${shown.product} has lost money 3 quarters in a row); ${divisions.events[1]!.title} (in quarter 6).`,
    );
  });

  it('states the scorecard: each part’s weight and target, and par', () => {
    const { weights, targets, par } = divisions.scoring;
    expect(view.scoring.par).toBe(`Par: ${par} points, the total a good game reaches`);
    const profit = view.scoring.rows.find((r) => r.key === 'profit')!;
    expect(profit.weight).toMatch(new RegExp(`^× ${weights.profit} · \\d+%$`));
    expect(profit.measure).toContain(`${formatMoney(targets.profit)} scores 100`);
    expect(view.scoring.rows.find((r) => r.key === 'customerEquity')!.measure).toContain(formatMoney(targets.customerEquity));
  });

  it('says so when there is no dispute and no event', () => {
    const bare: Scenario = { ...solo, dispute: undefined, events: [] };
    const empty = scenarioPreview(bare, 'bare.yaml');
    expect(empty.dispute).toEqual({ heading: 'The dispute', none: 'This scenario has no discontinuation dispute.' });
    expect(empty.events).toEqual([]);
    expect(empty.noEvents).toBe('No events: demand stays as it starts, and nothing opens a dispute.');
  });
});
