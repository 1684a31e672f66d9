// Steps 3–7 of a quarter, account by account: the prospects won become accounts; then each
// account's relationship and satisfaction (calls and service), churn (relationship,
// satisfaction, lost anchors), referrals, and what it buys of each line (revenue and costs).
import {
  ANCHOR_CHURN_QUARTERS,
  CLOSING_PRICE_CONCESSION,
  CLOSING_SATISFACTION_COST,
  NEW_ACCOUNT_MAX_ANCHOR,
  NEW_ACCOUNT_SECOND_LINE_SHARE,
  NEW_ACCOUNT_RELATIONSHIP,
  NEW_ACCOUNT_SATISFACTION,
  adbudg,
  anchorChurn,
  churnProbability,
  clamp01,
  fix,
  lifetimeValue,
  nextRelationship,
  nextSatisfaction,
  referralLeads,
  relationshipVolumeFactor,
} from '../model';
import { intern } from '../init';
import { MOVE_CODE } from '../moves';
import { repriceStrain } from '../dispute';
import type { AccountLoss, AccountState, GameState, ProductState, PurchaseState, Scenario } from '../types';
import type { Compiled } from './compile';
import type { Sales, Served, Tally } from './workspace';

const RELATIONSHIP = MOVE_CODE.relationship;
const SERVICE = MOVE_CODE.service;
const REFERRALS = MOVE_CODE.referrals;

/** An account's next state: `a` with the fields a quarter changes (the fields in AccountState's order, as everywhere). */
function nextAccount(
  a: AccountState,
  active: boolean,
  lostInQuarter: number | null,
  relationship: number,
  satisfaction: number,
  pulledForward: number,
): AccountState {
  return {
    id: a.id,
    name: a.name,
    active,
    wonInQuarter: a.wonInQuarter,
    lostInQuarter,
    key: a.key,
    relationship,
    satisfaction,
    buys: a.buys,
    pulledForward,
  };
}

/** A won prospect's id and name by its number: the same few strings every game, built once. */
const wonIds: string[] = [];
const wonNames: string[] = [];
function newAccountId(number: number): string {
  return (wonIds[number] ??= intern(`new-${number}`));
}
function newAccountName(number: number): string {
  return (wonNames[number] ??= `New account ${number}`);
}

/** A won prospect's purchase of line `index`: `share` of its size in units, its anchor from the draw. */
function newPurchase(scenario: Scenario, products: readonly ProductState[], index: number, size: number, share: number, anchorDraw: number): PurchaseState {
  return {
    product: products[index]!.id,
    line: index,
    units: fix(scenario.products[index]!.unitsPerAccount * size * share),
    anchor: fix(NEW_ACCOUNT_MAX_ANCHOR * anchorDraw),
  };
}

/** The `won` prospects next in line become accounts, buying their preferred lines still sold. */
export function winAccounts(
  scenario: Scenario,
  state: GameState,
  products: readonly ProductState[],
  won: number,
  firstActive: number,
  newAccounts: AccountState[],
  newAccountIds: string[],
): void {
  const q = state.quarter;
  const firstProspect = scenario.market.prospects - state.prospectsLeft;
  for (let k = 0; k < won; k++) {
    const draw = state.luck.prospects[firstProspect + k]!;
    const size = scenario.market.newAccountSize.min + (scenario.market.newAccountSize.max - scenario.market.newAccountSize.min) * draw.size;
    // The purchases built first and the array made from them at once: pushing into an empty
    // array went through the builtin (it had to grow and change its kind) for every new account.
    const first = draw.preferences[0];
    const second = draw.preferences[1];
    const buyFirst = products[first]!.active ? newPurchase(scenario, products, first, size, 1, draw.anchorDraws[0]!) : null;
    const buySecond = products[second]!.active && second !== first ? newPurchase(scenario, products, second, size, NEW_ACCOUNT_SECOND_LINE_SHARE, draw.anchorDraws[1]!) : null;
    const buys: PurchaseState[] =
      buyFirst !== null
        ? buySecond !== null
          ? [buyFirst, buySecond]
          : [buyFirst]
        : buySecond !== null
          ? [buySecond]
          : [{ product: products[firstActive]!.id, line: firstActive, units: fix(scenario.products[firstActive]!.unitsPerAccount * size), anchor: 0 }];
    const number = firstProspect + k + 1;
    const id = newAccountId(number);
    newAccountIds[k] = id;
    newAccounts[k] = {
      id,
      name: newAccountName(number),
      active: true,
      wonInQuarter: q,
      lostInQuarter: null,
      key: false,
      relationship: NEW_ACCOUNT_RELATIONSHIP,
      satisfaction: NEW_ACCOUNT_SATISFACTION,
      buys,
      pulledForward: 0,
    };
  }
}

/**
 * One pass per account: relationship and satisfaction (calls and service), churn (relationship,
 * satisfaction, lost anchors), referrals, then what it buys of each line; then the accounts won
 * this quarter buy. Writes the next accounts into `accounts` and the lost ones' ids into
 * `lostAccounts`.
 */
export function serveAccounts(
  cs: Compiled,
  scenario: Scenario,
  state: GameState,
  products: readonly ProductState[],
  t: Tally,
  sales: Sales,
  won: number,
  pulledForward: number,
  newAccounts: AccountState[],
  accounts: AccountState[],
  lostAccounts: string[],
  book: { accountRevenue: number[]; accountRelationship: number[]; losses: AccountLoss[] },
): Served {
  const params = scenario.model;
  const tunings = scenario.moves;
  // Read once: the loop below stores into objects, so the compiler cannot hoist these loads itself.
  const relationshipCarryover = params.relationshipCarryover;
  const satisfactionCarryover = params.satisfactionCarryover;
  const baseChurn = params.baseChurn;
  const discountRate = params.discountRate;
  const relationshipCurve = tunings.relationship.response;
  const serviceCurve = tunings.service.response;
  const referralsCurve = tunings.referrals.response;
  const referralRate = scenario.market.referralRate;
  const prospectsTotal = scenario.market.prospects;
  const relationshipCalls = t.byTarget[RELATIONSHIP]!;
  const serviceCalls = t.byTarget[SERVICE]!;
  const referralAsks = t.byTarget[REFERRALS]!;
  const stateAccounts = state.accounts;
  const stateProducts = state.products;
  const q = state.quarter;
  const closingPull = sales.closingPull;
  const nAccounts = stateAccounts.length;
  const churnDraws = state.luck.churn[q - 1]!;
  const prospectsAfter = state.prospectsLeft - won;
  const revenueBefore = state.history.length > 0 ? state.history[state.history.length - 1]!.accountRevenue : null;
  const { accountRevenue, accountRelationship, losses } = book;
  let referral = 0;
  let customerEquity = 0;
  let activeAccounts = 0;
  // A repriced line strains the dispute's account as a partial loss of its anchor.
  const strain = repriceStrain(state.dispute, q);
  const strained = strain > 0 ? state.dispute!.account : null;
  const strainedLine = strain > 0 ? cs.disputeProduct : -1;
  const unitsFactor = sales.unitsFactor;
  const unitPrice = sales.unitPrice;
  const unitCost = sales.unitCost;
  const lineUnits = sales.lineUnits;
  const lineRevenue = sales.lineRevenue;
  const lineVariableCost = sales.lineVariableCost;
  // One loop over the accounts kept and then the accounts won, so that what an account buys is
  // booked by the one piece of code below: as a function call the compiler left it out of line
  // (its inlining budget goes on the model's formulas), and every call boxed its numbers.
  const nAfter = nAccounts + newAccounts.length;
  for (let j = 0; j < nAfter; j++) {
    let relationship: number;
    let retention: number;
    let owed: number;
    let buys: readonly PurchaseState[];
    // For an account kept: its next satisfaction (the won ones keep theirs).
    let satisfaction = 0;
    if (j < nAccounts) {
      const a = stateAccounts[j]!;
      accountRevenue[j] = 0;
      accountRelationship[j] = a.relationship;
      if (!a.active) {
        accounts[j] = a;
        continue;
      }
      relationship = fix(nextRelationship(a.relationship, relationshipCarryover, adbudg(relationshipCalls[j]!, relationshipCurve)));
      let qualitySum = 0;
      let qualityCount = 0;
      let lostAnchor = 0;
      let anchorLine = -1;
      buys = a.buys;
      for (let b = 0; b < buys.length; b++) {
        const buy = buys[b]!;
        const product = products[buy.line]!;
        if (product.active) {
          qualitySum += stateProducts[buy.line]!.quality;
          qualityCount += 1;
        } else if (product.discontinuedInQuarter !== null && q - product.discontinuedInQuarter < ANCHOR_CHURN_QUARTERS) {
          if (buy.anchor > lostAnchor) {
            lostAnchor = buy.anchor;
            anchorLine = buy.line;
          }
        }
      }
      if (a.id === strained && strain > lostAnchor) {
        lostAnchor = strain;
        anchorLine = strainedLine;
      }
      // Most accounts buy one or two lines: a division by one is skipped (it gives the sum exactly).
      const quality = qualityCount > 1 ? qualitySum / qualityCount : qualityCount === 1 ? qualitySum : 0;
      satisfaction = fix(
        clamp01(
          nextSatisfaction(a.satisfaction, satisfactionCarryover, adbudg(serviceCalls[j]!, serviceCurve), quality, relationship) -
            CLOSING_SATISFACTION_COST * closingPull,
        ),
      );
      const ordinaryChurn = churnProbability(baseChurn, relationship, satisfaction);
      const churn = clamp01(ordinaryChurn + anchorChurn(lostAnchor, relationship));
      accountRelationship[j] = relationship;
      // The next account is built once with its final fields (what copying it and setting them gave).
      if (churnDraws[j]! < churn || qualityCount === 0) {
        accounts[j] = nextAccount(a, false, q, relationship, satisfaction, 0);
        lostAccounts.push(a.id);
        losses.push({
          account: a.id,
          ordinaryChurn: fix(ordinaryChurn),
          // With no line left to buy, the account goes for certain: all of that is the lost lines' doing.
          anchorChurn: fix(qualityCount === 0 ? 1 - ordinaryChurn : churn - ordinaryChurn),
          anchorProduct: anchorLine >= 0 ? products[anchorLine]!.id : null,
          revenueBefore: revenueBefore?.[j] ?? 0,
          products: buys.map((b) => b.product),
        });
        continue;
      }
      // Only the accounts asked for referrals give any (with no asks the response is the curve's
      // floor, usually 0, and adding the 0 that referralLeads would give changes nothing).
      const askResponse = adbudg(referralAsks[j]!, referralsCurve);
      if (askResponse !== 0) referral += referralLeads(referralRate, satisfaction, relationship, askResponse, prospectsAfter, prospectsTotal);
      retention = 1 - ordinaryChurn;
      owed = a.pulledForward;
    } else {
      const won = newAccounts[j - nAccounts]!;
      relationship = won.relationship;
      retention = 1 - churnProbability(baseChurn, won.relationship, won.satisfaction);
      owed = won.pulledForward;
      buys = won.buys;
    }
    // A quarter of the account's purchases (at its relationship, less the share `owed` from
    // closing the quarter before), booked into the line totals.
    const relationshipFactor = relationshipVolumeFactor(relationship);
    let margin = 0;
    let sold = 0;
    for (let b = 0; b < buys.length; b++) {
      const buy = buys[b]!;
      const i = buy.line;
      const factor = unitsFactor[i]!;
      if (factor === 0) continue;
      const base = buy.units * factor * relationshipFactor;
      const regularUnits = base * (1 - owed);
      const pulledUnits = base * closingPull;
      const revenue = Math.round((regularUnits + pulledUnits * (1 - CLOSING_PRICE_CONCESSION)) * unitPrice[i]!);
      const variableCost = Math.round((regularUnits + pulledUnits) * unitCost[i]!);
      lineUnits[i]! += regularUnits + pulledUnits;
      lineRevenue[i]! += revenue;
      lineVariableCost[i]! += variableCost;
      margin += revenue - variableCost;
      sold += revenue;
    }
    customerEquity += lifetimeValue(margin, retention, discountRate);
    accountRevenue[j] = sold;
    if (j < nAccounts) {
      const a = stateAccounts[j]!;
      accounts[j] = nextAccount(a, a.active, a.lostInQuarter, relationship, satisfaction, pulledForward);
    } else {
      const won = newAccounts[j - nAccounts]!;
      accountRelationship[j] = relationship;
      won.pulledForward = pulledForward;
      accounts[j] = won;
    }
    activeAccounts += 1;
  }
  const served = cs.workspace.served;
  served.referral = referral;
  served.customerEquity = customerEquity;
  served.activeAccounts = activeAccounts;
  return served;
}
