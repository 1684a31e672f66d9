// The scenes of a game being played, as a chunk of its own that scenes/game.ts fetches right after
// the page is up: the title needs none of them, so the page a trainee loads to start stays small.
// They are fetched at once, not when a game starts, so a game goes on when the server that served
// the page is gone.
import { Briefing } from './Briefing';
import { Debrief } from './Debrief';
import { Dispute } from './Dispute';
import { FinalResults } from './FinalResults';
import { Planning } from './Planning';
import { QuarterReport } from './QuarterReport';
import { SCENES } from './keys';
import type { SceneClass } from './lazy';

export const GAME_SCENES: Readonly<Record<string, SceneClass>> = {
  [SCENES.briefing]: Briefing,
  [SCENES.planning]: Planning,
  [SCENES.report]: QuarterReport,
  [SCENES.dispute]: Dispute,
  [SCENES.final]: FinalResults,
  [SCENES.debrief]: Debrief,
};
