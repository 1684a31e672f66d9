// The live workshop's wire format: what the server sends each screen (the instructor's board,
// the projector's, a group's own view) as plain JSON. Shared by the server (src/server), which
// makes these, and the page (src/app), which reads them; money in integer cents.
import type { Step } from '../sim/index';

/** The tag the workshop server adds to the game's page, so the page knows it may offer live workshops. */
export const SERVER_MARK_NAME = 'marketing-and-sales-workshop-server';
export const SERVER_MARK = `<meta name="${SERVER_MARK_NAME}" content="1">`;

/** self: each group's plan is resolved when it arrives; instructor: rounds the instructor closes. */
export const PACINGS = ['self', 'instructor'] as const;
export type Pacing = (typeof PACINGS)[number];

/** What a group that did not submit by a round's close plays: its last plan again, or nothing. */
export const MISSED_RULES = ['carry', 'none'] as const;
export type MissedRule = (typeof MISSED_RULES)[number];

export interface Figures {
  quarter: number;
  revenue: number;
  profit: number;
  cash: number;
  customerEquity: number;
  score: number;
}

export interface Standing {
  rank: number;
  name: string;
  /** Quarters played so far (closed rounds, or the group's own pace). */
  played: number;
  /** 'planning', 'submitted' (instructor-paced: a plan is in for the open round) or 'finished'. */
  status: 'planning' | 'submitted' | 'finished';
  missed: number[];
  score: number;
  customerEquity: number;
  totalProfit: number;
  totalRevenue: number;
}

export interface WorkshopInfo {
  id: string;
  heatCode: string;
  scenarioId: string;
  scenarioHash: string;
  title: string;
  quarters: number;
  pacing: Pacing;
  missed: MissedRule;
  hold: boolean;
  /** Instructor-paced: the quarter being planned (quarters + 1 once over). */
  round: number;
  paused: boolean;
  deadline: string | null;
  released: number;
  finished: boolean;
  listedGroups: string[];
}

export interface BoardView {
  type: 'board';
  workshop: WorkshopInfo;
  groups: Standing[];
  /** Instructor-paced: how many groups have a plan in for the open round. */
  submitted: number;
  /** Offline codes added, with the verifier's verdict on each. */
  codes: { label: string; group: string | null; ok: boolean; score: number | null; reason: string | null }[];
  /** Instructor only: the result code of every finished game, to open on the offline scoreboard. */
  resultCodes: { group: string; code: string }[];
}

export interface GroupView {
  type: 'group';
  workshop: WorkshopInfo;
  name: string;
  seed: number;
  /** The quarter this group plans next. */
  quarter: number;
  /** The plan in for the open round, if any (instructor-paced). */
  pending: Step | null;
  /** The group's own steps whose results it may see, to replay on its device. */
  steps: Step[];
  figures: Figures[];
  missed: number[];
  finished: boolean;
  /** The group's result code once its game is over and its results released. */
  resultCode: string | null;
}
