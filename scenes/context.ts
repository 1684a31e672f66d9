// What every scene shares: the game session (actor, bus, save slots), the shipped scenarios and
// the page's preferences. Set once when the game boots.
import type { Catalogue } from '../src/app/scenarios';
import type { LiveGroup } from '../src/app/live-group';
import type { GameSession } from '../src/app/session';

export interface AppContext {
  session: GameSession;
  catalogue: Catalogue;
  storage: Storage;
  /** Whether the first quarter is guided (chosen on the briefing; remembered once finished or skipped). */
  wantsTour: boolean;
  /** The link to the live workshop server when the running game is a live group's (idle otherwise). */
  live: LiveGroup;
}

export const TOUR_DONE_KEY = 'marketing-and-sales.tour-done';

let context: AppContext | null = null;

export function setAppContext(value: AppContext): void {
  context = value;
}

export function app(): AppContext {
  if (!context) throw new Error('The game was started without its app context.');
  return context;
}
