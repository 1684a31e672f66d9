// The quarter resolver's public surface. The steps, in RESOLUTION_ORDER: compile.ts (the
// scenario's tables, once), workspace.ts (the scratch figures they keep), tally.ts (the moves
// added up and checked), accounts.ts (accounts won and served), events.ts, and quarter.ts, which
// runs them in order.
export { RESOLUTION_ORDER, resolveQuarter, resolveValidQuarter } from './quarter';
export { InvalidDecisionError } from '../errors';
