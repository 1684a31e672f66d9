// The model in one place: every formula and every constant a scenario cannot set, each
// with the source it comes from. The resolver (resolve/) only sequences these.
//
// Determinism: only + − × ÷, integer powers and floor/round/min/max appear here — no
// exponentials, logarithms or fractional powers, whose last bits differ between engines.
import { DISPUTE_OPTION_INFO } from './dispute-options';
import type { Cents, ResponseCurve } from './types';

// ----- Constants (not set by scenarios) -------------------------------------------------

/** Ratios are rounded to this many steps per unit at the end of every quarter. */
export const RATIO_PRECISION = 1_000_000;
/** Lead counts are rounded to thousandths. */
export const LEAD_PRECISION = 1000;

/** Research insight carried over each quarter; the rest fades. */
export const INSIGHT_CARRYOVER = 0.6;
/** Campaign response is multiplied by (1 + INSIGHT_BOOST × insight). */
export const INSIGHT_BOOST = 0.6;
/** Quality erodes each quarter as competitors catch up. */
export const QUALITY_EROSION = 0.03;
/** Portfolio reviews cannot cut a line's fixed cost below this share of its starting cost. */
export const FIXED_COST_FLOOR = 0.6;
/** Brand building spreads its response over every active line at this rate. */
export const BRAND_SHARE = 0.6;

/** Conversion scales with collaboration: (BASE + (1 − BASE) × collaboration). */
export const CONVERSION_COLLABORATION_BASE = 0.4;

/** A new account starts with these relationship and satisfaction levels. */
export const NEW_ACCOUNT_RELATIONSHIP = 0.35;
export const NEW_ACCOUNT_SATISFACTION = 0.6;
/** A new account's hidden anchor on a product it buys: up to this strength (it has little history yet). */
export const NEW_ACCOUNT_MAX_ANCHOR = 0.4;
/** A new account buys its second-choice line at this share of its first choice's units. */
export const NEW_ACCOUNT_SECOND_LINE_SHARE = 0.5;
/** Without joint work, collaboration slides toward this guarded level. */
export const COLLABORATION_REST = 0.3;

/** Satisfaction target weights: service response, product quality, relationship. */
export const SATISFACTION_SERVICE_WEIGHT = 0.5;
export const SATISFACTION_QUALITY_WEIGHT = 0.3;
export const SATISFACTION_RELATIONSHIP_WEIGHT = 0.2;
/** Satisfaction lost per unit of closing pull (pushy selling). */
export const CLOSING_SATISFACTION_COST = 0.1;

/** Volume factor = (REL_BASE + (1 − REL_BASE)·R) × (GW_BASE + (1 − GW_BASE)·G) × (Q_BASE + (1 − Q_BASE)·quality). */
export const VOLUME_RELATIONSHIP_BASE = 0.2;
export const VOLUME_GOODWILL_BASE = 0.3;
export const VOLUME_QUALITY_BASE = 0.75;
/** Demand noise: each line's demand varies by ± this share per quarter. */
export const DEMAND_NOISE = 0.08;

/** Promotional elasticity: units rise by this much per unit of discount depth (promotions move more than list prices). */
export const PROMOTION_ELASTICITY = 2.5;
/** Closing gives away this share of price on the pulled-forward volume. */
export const CLOSING_PRICE_CONCESSION = 0.1;
/** Discount expectations carried over each quarter (reference-price effect). */
export const DISCOUNT_EXPECTATION_CARRYOVER = 0.6;
/** Units held back per unit of expected discount not given. */
export const DISCOUNT_HOLDBACK = 1.2;

/** Churn multiplier per unit of lost anchor (a discontinued product the account was anchored on). */
export const ANCHOR_CHURN = 0.9;
/** A relationship protects against anchor churn by this share of its level. */
export const ANCHOR_RELATIONSHIP_SHIELD = 0.5;
/** Quarters after a discontinuation during which anchor churn applies. */
export const ANCHOR_CHURN_QUARTERS = 3;

// ----- The discontinuation dispute (src/sim/dispute.ts applies these).
/** Collaboration lost when one side's case is overruled without a hearing. */
export const OVERRULE_COLLABORATION_COST = 0.08;
/** Collaboration lost by a compromise (reprice, phase-out) reached without a hearing: each side gave something up. */
export const COMPROMISE_COLLABORATION_COST = 0.03;
/** Collaboration gained by a joint meeting that hears both sides before the decision. */
export const JOINT_MEETING_COLLABORATION = 0.03;
/** Effort points of the quarter a joint meeting takes (joint effort; set in the dispute options' table). */
export const JOINT_MEETING_EFFORT = DISPUTE_OPTION_INFO['joint-meeting'].effort;
/**
 * Sales effort points an investigation takes in its quarter. They are spent with the account,
 * asking how it uses the line, so they count as relationship calls on it as well (set in the
 * dispute options' table).
 */
export const INVESTIGATION_EFFORT = DISPUTE_OPTION_INFO.investigate.effort;
/** An investigation's estimate of the anchor is off by up to ± this much (uniform). */
export const INVESTIGATION_NOISE = 0.1;
/** Sales effort points the migration plan takes in each of the two phase-out quarters (set in the dispute options' table). */
export const MIGRATION_EFFORT = DISPUTE_OPTION_INFO['phase-out'].effort;
/** Share of the anchor a migration plan defuses: the account is moved to another line before the old one stops. */
export const MIGRATION_RELIEF = 0.7;
/** Repricing raises the line's price by this share (capped at the highest price allowed). */
export const REPRICE_SHARE = 0.25;
/** Satisfaction the anchored account loses per unit of anchor, by outcome: a dropped line hurts most. */
export const DISCONTINUE_SATISFACTION_HIT = 0.3;
export const REPRICE_SATISFACTION_HIT = 0.15;
/**
 * A price rise on the line an account is anchored on strains it like a discontinuation at this
 * share of the anchor, for ANCHOR_CHURN_QUARTERS: the more it depends on the line, the more a
 * higher price pushes it to look elsewhere.
 */
export const REPRICE_STRAIN = 0.5;
/** Morale before the dispute, and after each way a side can take its outcome (Lind & Tyler: a fair hearing softens a loss). */
export const MORALE_NEUTRAL = 0.6;
export const MORALE_AFTER = { prevailed: 0.85, compromise: 0.55, heard: 0.45, overruled: 0.2 } as const;
/** For this many quarters from the decision, each side's moves work at 1 + MORALE_EFFECT × (morale − neutral) of their effort. */
export const MORALE_QUARTERS = 2;
export const MORALE_EFFECT = 0.5;
/**
 * With people (a scenario's leads): morale is a stock per lead that the dispute's decision sets
 * and each quarter moves — by MORALE_HEARD × (share of the lead's ask heard − ½), by
 * MORALE_PLAN × (bonus attainment − 1), and back towards neutral by MORALE_PULL of the gap —
 * within [MORALE_MIN, MORALE_MAX]. A lead always heard and on plan rises to the cap (moves at
 * 117.5%); one never heard sinks towards 0.1 (75%). Tuned with the lead bots (lead-bots.ts):
 * hearing both leads must beat overriding either, on held-out seeds (tests/ideas).
 */
export const MORALE_HEARD = 0.25;
export const MORALE_PLAN = 0.1;
export const MORALE_PULL = 0.25;
export const MORALE_MIN = 0.05;
export const MORALE_MAX = 0.95;
/**
 * With people, how much each lead's morale falls in a quarter the dispute's decision waits on an
 * investigation. Zero: at 0.05–0.1 (tried on Two Hats) investigating stopped paying even when the
 * anchor could be anything, so a hanging dispute costs only the quarter's delay.
 */
export const MORALE_WAITING = 0;
/** A lead asks for this share of the effort budget (at least one point). */
export const ASK_SHARE = 0.2;
/** A measure's attainment counts up to this multiple of plan. */
export const ATTAINMENT_MAX = 1.5;
/** The sales lead's plan for new accounts a quarter. */
export const NEW_ACCOUNTS_PLAN = 1;

/** Score components are clamped to this range (points). */
export const SCORE_MIN = -100;
export const SCORE_MAX = 200;

// ----- Formulas -------------------------------------------------------------------------

/** x to a non-negative integer power, by repeated multiplication. */
export function intPow(x: number, n: number): number {
  let out = 1;
  for (let i = 0; i < n; i++) out *= x;
  return out;
}

/**
 * ADBUDG response (Little 1970): r(x) = b + (a − b)·xᶜ / (d + xᶜ).
 * S-shaped for c > 1 with diminishing returns past the inflection.
 */
export function adbudg(x: number, curve: ResponseCurve): number {
  if (x <= 0) return curve.b;
  const xc = intPow(x, curve.c);
  return curve.b + ((curve.a - curve.b) * xc) / (curve.d + xc);
}

/** Nerlove–Arrow goodwill (1962): G' = (1 − δ)·G + response. */
export function nextGoodwill(goodwill: number, decay: number, response: number): number {
  return clamp01((1 - decay) * goodwill + response);
}

/** CALLPLAN carry-over (Lodish 1971): R' = λ·R + (1 − λ)·response(calls). */
export function nextRelationship(relationship: number, carryover: number, response: number): number {
  return clamp01(carryover * relationship + (1 - carryover) * response);
}

/** Satisfaction moves toward a target by the same carry-over form as relationships. */
export function nextSatisfaction(
  satisfaction: number,
  carryover: number,
  serviceResponse: number,
  quality: number,
  relationship: number,
): number {
  const target =
    SATISFACTION_SERVICE_WEIGHT * serviceResponse +
    SATISFACTION_QUALITY_WEIGHT * quality +
    SATISFACTION_RELATIONSHIP_WEIGHT * relationship;
  return clamp01(carryover * satisfaction + (1 - carryover) * target);
}

/**
 * Bass diffusion, imitation term (1969): referral leads grow with satisfied adopters and
 * with the share of the market not yet adopted; asking for them scales the rate.
 */
export function referralLeads(
  referralRate: number,
  satisfaction: number,
  relationship: number,
  askResponse: number,
  prospectsLeft: number,
  prospectsTotal: number,
): number {
  if (prospectsTotal <= 0) return 0;
  return (referralRate * satisfaction * relationship * askResponse * prospectsLeft) / prospectsTotal;
}

/** Share of leads converted to accounts: sales effort, scaled by collaboration. */
export function conversionRate(prospectingResponse: number, collaboration: number): number {
  return clamp01(
    prospectingResponse * (CONVERSION_COLLABORATION_BASE + (1 - CONVERSION_COLLABORATION_BASE) * collaboration),
  );
}

/**
 * Churn probability in a quarter: baseChurn at zero relationship and satisfaction, falling with
 * the square of the exposure left by both (each protects half), so strong accounts rarely leave.
 */
export function churnProbability(baseChurn: number, relationship: number, satisfaction: number): number {
  const exposure = 1 - 0.5 * relationship - 0.5 * satisfaction;
  return clamp01(baseChurn * exposure * exposure);
}

/** Research insight: a stock like goodwill that fades by (1 − INSIGHT_CARRYOVER) each quarter. */
export function nextInsight(insight: number, response: number): number {
  return clamp01(INSIGHT_CARRYOVER * insight + response);
}

/** Collaboration slides toward COLLABORATION_REST by `drift`, and alignment closes part of the gap to 1. */
export function nextCollaboration(collaboration: number, drift: number, alignmentResponse: number): number {
  return clamp01(collaboration - drift * (collaboration - COLLABORATION_REST) + alignmentResponse * (1 - collaboration));
}

/** Extra churn when a product the account was anchored on is discontinued. */
export function anchorChurn(anchor: number, relationship: number): number {
  return clamp01(ANCHOR_CHURN * anchor * (1 - ANCHOR_RELATIONSHIP_SHIELD * relationship));
}

/** Customer lifetime value (Gupta & Lehmann): CLV = m·r / (1 + i − r), m the margin a quarter. */
export function lifetimeValue(margin: Cents, retention: number, discountRate: number): Cents {
  if (margin <= 0) return 0;
  return Math.round((margin * retention) / (1 + discountRate - retention));
}

/** Units an account buys of a line, before closing, discounts and prices: relationship × line factors. */
export function volumeFactor(relationship: number, goodwill: number, quality: number): number {
  return relationshipVolumeFactor(relationship) * goodwillQualityFactor(goodwill, quality);
}

/** The account's side of volumeFactor: how much of its potential the relationship unlocks. */
export function relationshipVolumeFactor(relationship: number): number {
  return VOLUME_RELATIONSHIP_BASE + (1 - VOLUME_RELATIONSHIP_BASE) * relationship;
}

/** The line's side of volumeFactor: goodwill (marketing's stock) and quality. */
export function goodwillQualityFactor(goodwill: number, quality: number): number {
  return (VOLUME_GOODWILL_BASE + (1 - VOLUME_GOODWILL_BASE) * goodwill) * (VOLUME_QUALITY_BASE + (1 - VOLUME_QUALITY_BASE) * quality);
}

/** Linear price response: units change by −elasticity × the relative price change. */
export function priceFactor(price: Cents, listPrice: Cents, elasticity: number): number {
  const change = (price - listPrice) / listPrice;
  return Math.min(2, Math.max(0.1, 1 - elasticity * change));
}

/** Units held back when customers expect a deeper discount than they get. */
export function discountHoldback(expectation: number, depth: number): number {
  return Math.max(0.2, 1 - DISCOUNT_HOLDBACK * Math.max(0, expectation - depth));
}

/** Demand noise multiplier from a uniform draw: 1 ± DEMAND_NOISE. */
export function demandNoise(draw: number): number {
  return 1 + DEMAND_NOISE * (2 * draw - 1);
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Rounds a ratio to the model's fixed precision (end of every quarter). */
export function fix(x: number): number {
  return Math.round(x * RATIO_PRECISION) / RATIO_PRECISION;
}

export function fixLeads(x: number): number {
  return Math.round(x * LEAD_PRECISION) / LEAD_PRECISION;
}
