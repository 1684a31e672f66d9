// One forecast's work cut into steps that each take a few milliseconds to some tens: the band
// first (the plan over every future), then one move's effect per step. The forecast's worker runs
// the steps with a pause between them, so a newer plan takes over at the next step; a page without
// workers runs them in tasks of their own, one step each.
import {
  InvalidDecisionError,
  forecastMoveEffect,
  forecastPlan,
  type Forecast,
  type ForecastRun,
  type GameState,
  type Move,
  type Refusal,
  type Scenario,
} from '../sim/index';

export type JobResult = { kind: 'forecast'; forecast: Forecast; done: boolean } | { kind: 'refused'; refusal: Refusal };

export class ForecastJob {
  private run: ForecastRun | null = null;
  private readonly effects: Forecast['moves'] = [];
  /** Indices of the plan's moves with points: one step each after the band. */
  private readonly pending: number[];
  private finished = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly state: GameState,
    private readonly moves: readonly Move[],
    private readonly futures: number,
  ) {
    this.pending = moves.flatMap((move, i) => (move.points > 0 ? [i] : []));
  }

  get done(): boolean {
    return this.finished;
  }

  /** Does the next step and returns the forecast so far (or the model's refusal of the plan, which ends the job). */
  step(): JobResult {
    const decision = { moves: [...this.moves] };
    if (this.run === null) {
      try {
        this.run = forecastPlan(this.scenario, this.state, decision, this.futures);
      } catch (error) {
        if (!(error instanceof InvalidDecisionError)) throw error;
        this.finished = true;
        return { kind: 'refused', refusal: error.refusal };
      }
    } else {
      const index = this.pending.shift()!;
      this.effects.push(forecastMoveEffect(this.scenario, this.state, decision, index, this.run));
    }
    this.finished = this.pending.length === 0;
    return { kind: 'forecast', forecast: { ...this.run.forecast, moves: [...this.effects] }, done: this.finished };
  }
}
