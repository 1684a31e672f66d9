// The scenes' keys in one place, and which scene shows each phase of the game flow.
import type { Phase } from '../src/flow/index';

export const SCENES = {
  boot: 'Boot',
  preloader: 'Preloader',
  title: 'Title',
  select: 'ScenarioSelect',
  briefing: 'Briefing',
  planning: 'Planning',
  report: 'QuarterReport',
  dispute: 'Dispute',
  final: 'FinalResults',
  debrief: 'Debrief',
  workshop: 'Workshop',
  join: 'JoinHeat',
  handOver: 'HandOver',
  scoreboard: 'Scoreboard',
  projector: 'Projector',
  liveWait: 'LiveWait',
  liveBoard: 'LiveBoard',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

export const SCENE_OF_PHASE: Record<Phase, SceneKey> = {
  briefing: SCENES.briefing,
  planning: SCENES.planning,
  review: SCENES.report,
  dispute: SCENES.dispute,
  finished: SCENES.final,
};
