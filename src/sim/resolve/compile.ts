// Step 0 of a quarter: the scenario compiled into lookup tables once, and kept (in a WeakMap on
// the scenario object) for every quarter of every game played on it, together with the
// workspace the resolver works in. A scenario is treated as immutable once it is played.
import { FIXED_COST_FLOOR } from '../model';
import { intern } from '../init';
import { MOVE_TABLE } from '../moves';
import type { Scenario, ScenarioEvent } from '../types';
import { createWorkspace, type Workspace } from './workspace';

/** Lookup tables for a scenario, built once and reused for every quarter of every game. */
export interface Compiled {
  productIndex: Map<string, number>;
  productIds: string[];
  segmentOfProduct: number[];
  /** Product indices the dispute uses, or −1. */
  disputeProduct: number;
  /** The lowest fixed cost a portfolio review may cut each line to, in cents. */
  fixedCostFloor: number[];
  /** The scenario's events with their triggers read once (see events.ts). */
  events: CompiledEvent[];
  /** Whether each kind of move (by number) is offered: 1 or 0. */
  enabled: Uint8Array;
  /** The resolver's scratch figures for this scenario (see workspace.ts). */
  workspace: Workspace;
}

/** What sets an event off, decoded once per scenario instead of once per quarter and game. */
export type TriggerKind = 'quarter' | 'product-losses' | 'revenue-share';

/** An event's trigger, decoded once per scenario instead of once per quarter and game. */
export interface CompiledEvent {
  event: ScenarioEvent;
  /** The event's id, interned (see init.ts `intern`): fired events are looked up by it every quarter. */
  id: string;
  trigger: TriggerKind;
  quarter: number;
  /** The line whose losses count, or −1 when the scenario has no such line. */
  product: number;
  quarters: number;
  account: string;
  share: number;
  /** Whether opening the dispute is all the event does (true for no effects, as every() gives). */
  onlyDispute: boolean;
}

function compileEvent(event: ScenarioEvent, productIndex: Map<string, number>): CompiledEvent {
  const trigger = event.trigger;
  const compiled: CompiledEvent = { event, id: intern(event.id), trigger: 'quarter', quarter: 0, product: -1, quarters: 0, account: '', share: 0, onlyDispute: event.effects.every((e) => e.type === 'dispute') };
  if ('quarter' in trigger) {
    compiled.quarter = trigger.quarter;
  } else if ('productLossQuarters' in trigger) {
    compiled.trigger = 'product-losses';
    compiled.product = productIndex.get(trigger.productLossQuarters.product) ?? -1;
    compiled.quarters = trigger.productLossQuarters.quarters;
  } else {
    compiled.trigger = 'revenue-share';
    compiled.account = intern(trigger.accountRevenueShare.account);
    compiled.share = trigger.accountRevenueShare.share;
  }
  return compiled;
}

const compiledCache = new WeakMap<Scenario, Compiled>();

export function compile(scenario: Scenario): Compiled {
  let compiled = compiledCache.get(scenario);
  if (!compiled) {
    const productIndex = new Map(scenario.products.map((p, i) => [p.id, i] as const));
    const segmentIndex = new Map(scenario.segments.map((s, i) => [s.id, i] as const));
    compiled = {
      productIndex,
      productIds: scenario.products.map((p) => intern(p.id)),
      segmentOfProduct: scenario.products.map((p) => segmentIndex.get(p.segment) ?? 0),
      disputeProduct: scenario.dispute ? (productIndex.get(scenario.dispute.product) ?? -1) : -1,
      fixedCostFloor: scenario.products.map((p) => Math.round(FIXED_COST_FLOOR * p.fixedCost)),
      events: scenario.events.map((e) => compileEvent(e, productIndex)),
      enabled: Uint8Array.from(MOVE_TABLE, (row) => (scenario.moves[row.kind]?.enabled ? 1 : 0)),
      workspace: createWorkspace(scenario.products.length, scenario.accounts.length),
    };
    compiledCache.set(scenario, compiled);
  }
  return compiled;
}
