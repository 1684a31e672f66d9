// Checks that need the whole scenario at once, run after it has the right shape: ids are
// unique, every reference names something that exists, ranges are the right way round. All
// problems are collected, so an instructor fixes a file in one round, not one error at a time.
import type { Scenario } from '../sim/types';
import { didYouMean, formatNumber, listQuoted, quote, type Path } from './issues.ts';
import type { PathIssue } from './zod-issues.ts';

export function semanticIssues(scenario: Scenario): PathIssue[] {
  const issues: PathIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ path, at: 'value', message });

  const uniqueIds = (list: 'segments' | 'products' | 'accounts' | 'events', noun: string): Set<string> => {
    const first = new Map<string, number>();
    scenario[list].forEach((item: { id: string }, index: number) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, index);
      else report([list, index, 'id'], `duplicate ${noun} id ${quote(item.id)}; ${list}[${earlier}] already has it`);
    });
    return new Set(first.keys());
  };
  const segments = uniqueIds('segments', 'segment');
  const products = uniqueIds('products', 'product');
  const accounts = uniqueIds('accounts', 'account');
  uniqueIds('events', 'event');

  const reference = (path: Path, id: string, known: Set<string>, noun: string, list: string) => {
    if (known.has(id)) return;
    const hint = didYouMean(id, known);
    report(path, `unknown ${noun} ${quote(id)}${hint === '' ? `; the ${list} are ${listQuoted([...known])}` : hint}`);
  };
  const range = (path: Path, r: { min: number; max: number }) => {
    if (r.min > r.max) report([...path, 'min'], `min (${formatNumber(r.min)}) must not be above max (${formatNumber(r.max)})`);
  };

  scenario.products.forEach((product, i) => {
    reference(['products', i, 'segment'], product.segment, segments, 'segment', 'segments');
  });

  scenario.accounts.forEach((account, i) => {
    const bought = new Map<string, number>();
    account.buys.forEach((purchase, j) => {
      const path = ['accounts', i, 'buys', j] as const;
      reference([...path, 'product'], purchase.product, products, 'product', 'products');
      const earlier = bought.get(purchase.product);
      if (earlier !== undefined) {
        report([...path, 'product'], `${quote(purchase.product)} is already bought in buys[${earlier}]; list each product once per account`);
      } else bought.set(purchase.product, j);
      range([...path, 'anchor'], purchase.anchor);
    });
  });

  range(['market', 'newAccountSize'], scenario.market.newAccountSize);

  // The names for won accounts: none blank, none given twice (in any segment's list) and none an
  // account of the file has already, so no two accounts of a game can be shown alike.
  const accountNamed = new Map<string, number>();
  scenario.accounts.forEach((account, i) => {
    const k = account.name.trim().toLowerCase();
    if (!accountNamed.has(k)) accountNamed.set(k, i);
  });
  const poolNamed = new Map<string, string>();
  scenario.segments.forEach((segment, i) => {
    segment.accountNames?.forEach((name, j) => {
      const path = ['segments', i, 'accountNames', j] as const;
      const k = name.trim().toLowerCase();
      if (k === '') {
        report(path, 'expected a name with at least one letter or digit, found only spaces');
        return;
      }
      const account = accountNamed.get(k);
      const earlier = poolNamed.get(k);
      if (account !== undefined) {
        report(path, `${quote(name)} is already the name of accounts[${account}]; a won account needs a name of its own`);
      } else if (earlier !== undefined) {
        report(path, `duplicate account name ${quote(name)}; ${earlier} already has it (names are compared without case)`);
      } else poolNamed.set(k, `segments[${i}].accountNames[${j}]`);
    });
  });

  scenario.events.forEach((event, i) => {
    const trigger = event.trigger;
    if ('quarter' in trigger) {
      if (trigger.quarter > scenario.quarters) {
        report(['events', i, 'trigger', 'quarter'], `expected a quarter from 1 to ${scenario.quarters} (the game's length), found ${trigger.quarter}`);
      }
    } else if ('productLossQuarters' in trigger) {
      const path = ['events', i, 'trigger', 'productLossQuarters'] as const;
      reference([...path, 'product'], trigger.productLossQuarters.product, products, 'product', 'products');
      if (trigger.productLossQuarters.quarters > scenario.quarters) {
        report(
          [...path, 'quarters'],
          `expected at most ${scenario.quarters} quarters (the game's length), found ${trigger.productLossQuarters.quarters}; the event could never fire`,
        );
      }
    } else {
      reference(['events', i, 'trigger', 'accountRevenueShare', 'account'], trigger.accountRevenueShare.account, accounts, 'account', 'accounts');
    }
    event.effects.forEach((effect, j) => {
      const path = ['events', i, 'effects', j] as const;
      if (effect.type === 'shift-demand') reference([...path, 'segment'], effect.segment, segments, 'segment', 'segments');
      if (effect.type === 'dispute' && scenario.dispute === undefined) {
        report([...path, 'type'], 'a "dispute" effect needs a top-level "dispute" section saying which product and account it is about');
      }
    });
  });

  const dispute = scenario.dispute;
  if (dispute) {
    reference(['dispute', 'product'], dispute.product, products, 'product', 'products');
    reference(['dispute', 'account'], dispute.account, accounts, 'account', 'accounts');
    const account = scenario.accounts.find((a) => a.id === dispute.account);
    if (account && products.has(dispute.product) && !account.buys.some((b) => b.product === dispute.product)) {
      report(
        ['dispute', 'account'],
        `account ${quote(dispute.account)} does not buy ${quote(dispute.product)}, so the dispute has nothing to turn on; it buys ${listQuoted(account.buys.map((b) => b.product))}`,
      );
    }
    range(['dispute', 'anchor'], dispute.anchor);
  }

  const people = scenario.people;
  if (people) {
    if (scenario.firm.structure === 'solo') {
      report(['people'], 'a solo firm has no leads: the player wears both hats. Leave "people" out, or set firm.structure to "two-leads" or "divisions"');
    }
    for (const side of ['marketing', 'sales'] as const) {
      const person = people[side];
      if (Object.values(person.incentive).every((w) => !(w! > 0))) {
        report(['people', side, 'incentive'], 'at least one measure must weigh above 0, or the lead has no bonus plan to argue from');
      }
      const leader = scenario.dispute?.[side];
      if (leader && leader.name !== person.name) {
        report(['dispute', side, 'name'], `the dispute's ${side} leader is ${quote(leader.name)}, but people.${side} is ${quote(person.name)}; the dispute refers to the same person`);
      }
    }
  }

  const w = scenario.scoring.weights;
  if (w.profit + w.revenue + w.customerEquity + w.portfolioHealth + w.collaboration <= 0) {
    report(['scoring', 'weights'], 'at least one weight must be above 0, or no score can be computed');
  }
  return issues;
}
