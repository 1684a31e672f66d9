// The states a player plans on, over whole games of every bot and every first dispute choice on a
// few seeds: each quarter's state once its dispute choices are made, with the moves the bot then
// played. The state-in-view tests check their figures against the model on each of them.
import { BOTS, DISPUTE_OPTIONS, createGame, decideDispute, playBot, resolveQuarter, type GameState, type Move, type Scenario } from '../../src/sim/index';

export interface PlanningState {
  label: string;
  state: GameState;
  moves: Move[];
}

export function planningStates(scenario: Scenario, seeds: readonly number[]): PlanningState[] {
  const out: PlanningState[] = [];
  for (const seed of seeds) {
    for (const bot of BOTS) {
      for (const option of DISPUTE_OPTIONS) {
        const { steps } = playBot(scenario, seed, bot, { disputeOption: option });
        let state = createGame(scenario, seed);
        for (const step of steps) {
          for (const choice of step.dispute ?? []) state = decideDispute(scenario, state, choice);
          out.push({ label: `seed ${seed}, ${bot.name}, ${option}, quarter ${state.quarter}`, state, moves: step.moves });
          state = resolveQuarter(scenario, state, { moves: step.moves });
        }
      }
    }
  }
  return out;
}
