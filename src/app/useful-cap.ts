// Where a move's slider stops before the budget does, and why, in words: the model says how many
// points the move can use this quarter (src/sim/useful-points.ts); past them it would take
// points for nothing, so the planning screen stops there and says so beside the slider.
import type { GameState, Move, MoveKind, Scenario } from '../sim/index';
import { usefulPoints, type UsefulLimit } from '../sim/useful-points';

export interface UsefulCap {
  /** The most points the slider goes to. */
  points: number;
  /** Why it stops, as a sentence: "1 point is all a price change needs". */
  text: string;
  /** The same, short enough for the stretch of track past the stop. */
  short: string;
  /**
   * Whether the stop holds whatever the state and the plan (a price change's one point): then the
   * slider itself ends there, and the note goes above it. Other stops move with the plan, so the
   * slider keeps the budget's length and marks the stop on its track.
   */
  always: boolean;
}

const points = (n: number) => (n === 1 ? '1 point' : `${n} points`);

function words(limit: UsefulLimit, kind: MoveKind, n: number, line: string, prospects: number): { text: string; short: string } {
  switch (limit) {
    case 'price-needs-one':
      return { text: '1 point is all a price change needs: more change nothing', short: '1 point is all it needs' };
    case 'no-prospects':
      return kind === 'referrals'
        ? { text: 'No prospects left: referrals bring no new leads', short: 'No leads to ask for' }
        : { text: 'No prospects left: prospecting cannot win new accounts any more', short: 'Nothing left to win' };
    case 'wins-every-prospect': {
      const all = prospects === 1 ? 'the last prospect' : `all ${prospects} prospects left`;
      return { text: `${points(n)} win ${all}, even in a slow quarter: more win no more`, short: `${points(n)} win ${all}` };
    }
    case 'plan-wins-every-prospect':
      return { text: 'The plan’s prospecting wins every prospect left: referrals would bring leads for none', short: 'Prospecting wins every prospect left' };
    case 'goodwill-full':
      return kind === 'brand'
        ? { text: `${points(n)} take every line’s goodwill to 100%: more add nothing`, short: `Every line’s goodwill full at ${n}` }
        : { text: `${points(n)} take ${line}’s goodwill to 100%: more add nothing`, short: `Goodwill full at ${n}` };
    case 'quality-full':
      return { text: `${points(n)} take ${line}’s quality to 100%: more add nothing`, short: `Quality full at ${n}` };
    case 'insight-full':
      return { text: `${points(n)} fill research insight to 100%: more add nothing`, short: `Insight full at ${n}` };
    case 'fixed-costs-at-floor':
      return n === 0
        ? { text: 'Every line’s fixed costs are at their floor: a review cuts no more', short: 'Fixed costs at their floor' }
        : { text: `${points(n)} cut every line’s fixed costs to their floor: more cut nothing`, short: `Fixed costs at their floor at ${n}` };
  }
}

/** Where move `kind` on `target` stops being worth a point with the rest of `draft`, or null when every point counts. */
export function usefulCap(scenario: Scenario, game: GameState, draft: readonly Move[], kind: MoveKind, target: string | undefined): UsefulCap | null {
  const rest = draft.filter((m) => !(m.kind === kind && m.target === target));
  const found = usefulPoints(scenario, game, rest, kind, target);
  if (found === null) return null;
  const line = scenario.products.find((p) => p.id === target)?.name ?? '';
  if (found.ask) {
    // The lead's ask lifts the stop: the points past the move's own limit are still heard.
    const lead = scenario.people?.[found.ask.side].name ?? `the ${found.ask.side} lead`;
    const own = words(found.limit, kind, found.ask.limitPoints, line, game.prospectsLeft);
    return {
      points: found.points,
      text: `${points(found.points)} meet what ${lead} asked for; the move itself adds nothing past ${found.ask.limitPoints} (${own.short.charAt(0).toLowerCase()}${own.short.slice(1)})`,
      short: `${lead.split(' ')[0]}’s ask: ${found.points}`,
      always: false,
    };
  }
  return { points: found.points, ...words(found.limit, kind, found.points, line, game.prospectsLeft), always: found.limit === 'price-needs-one' };
}
