// What a bot is: a strategy that reads the state and returns a decision, and settles the
// dispute when one opens. Bots see only what a player sees plus their own random stream.
import type { Prng } from '../random';
import type { Decision, DisputeOption, GameState, Scenario } from '../types';

export interface Bot {
  name: string;
  description: string;
  decide(scenario: Scenario, state: GameState, rng: Prng): Decision;
  settleDispute(scenario: Scenario, state: GameState, rng: Prng): DisputeOption;
}
