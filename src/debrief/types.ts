// The debrief's data shapes: what the Debrief scene draws and what the JSON download holds.
// Plain JSON-able data only (no states, no functions), so a debrief can be printed, saved and
// compared. Every figure in these shapes is read from the model's own records and state.
import type { DisputeOption, FinalDisputeOption, ReactionKind, ScoreCard } from '../sim/index';

export const DEBRIEF_FORMAT = 'marketing-and-sales/debrief@1';

export interface TimelineQuarter {
  quarter: number;
  /** Effort points spent, including what the dispute took (a meeting, an investigation, migration). */
  effort: { marketing: number; sales: number; joint: number };
  revenue: number;
  profit: number;
  cash: number;
  customerEquity: number;
  collaboration: number;
  activeAccounts: number;
  /** Names of the accounts won this quarter. */
  won: string[];
  /** Names of the accounts lost this quarter. */
  lost: string[];
  /** Titles of the scenario events that fired this quarter. */
  events: string[];
  /** Human labels of the dispute choices made before this quarter, and of a phase-out taking effect. */
  dispute: string[];
  /** Scorecard total as if the game had ended after this quarter. */
  score: number;
}

export interface LeaderReaction {
  name: string;
  role: string;
  kind: ReactionKind;
  line: string;
}

export interface DisputeSummary {
  product: string;
  productName: string;
  account: string;
  accountName: string;
  openedInQuarter: number;
  choices: { quarter: number; option: DisputeOption; label: string }[];
  decision: FinalDisputeOption | null;
  decidedInQuarter: number | null;
  /** The hidden anchor strength, revealed now the game is over. */
  anchorStrength: number;
  /** What an investigation reported (a noisy estimate), or null. */
  estimate: { estimate: number; low: number; high: number } | null;
  /** Whether a joint meeting heard both sides before the decision. */
  heard: boolean;
  accountLost: boolean;
  accountLostInQuarter: number | null;
  /**
   * Why the account left, from the model's churn split: 'anchor' when a discontinued (or
   * repriced) line it was anchored on added churn risk that quarter, 'ordinary' otherwise,
   * 'before-dispute' when it had left before the dispute opened; null while it stays.
   */
  accountLossCause: 'anchor' | 'ordinary' | 'before-dispute' | null;
  /** The churn split the account's loss was drawn against (probabilities), or null. */
  accountLoss: { ordinaryChurn: number; anchorChurn: number; revenueBefore: number } | null;
  /** The line's profit in the quarter before the decision (what the dispute was about), or null. */
  lineProfitBeforeDecision: number | null;
  reactions: { marketing: LeaderReaction; sales: LeaderReaction } | null;
}

export type ChainKind =
  | 'decision'
  | 'discontinued'
  | 'account-lost'
  | 'account-won'
  | 'revenue-ended'
  | 'event'
  | 'effort'
  | 'pull-forward'
  | 'discount'
  | 'relationships'
  | 'morale'
  | 'line-loss'
  | 'line-change';

export interface ChainLink {
  quarter: number;
  kind: ChainKind;
  text: string;
  figures?: Record<string, number>;
  /** The account the link is about, when it is about one. */
  account?: string;
  /** The product line the link is about, when it is about one. */
  product?: string;
  /** The segment the link is about (demand shifts). */
  segment?: string;
}

export type SwingMeasure = 'profit' | 'revenue' | 'customerEquity' | 'accounts';

export interface Swing {
  quarter: number;
  measure: SwingMeasure;
  /** Change from the quarter before: cents for money, a count for accounts. */
  change: number;
  /** The measure the quarter before and this quarter. */
  before: number;
  after: number;
  chain: ChainLink[];
  text: string;
}

/** One cause of the swings, said once (src/debrief/causes.ts), with the swings it is behind. */
export interface Cause {
  /** The link, and what followed from it at once (a lost account's purchases ending). */
  links: ChainLink[];
  /** The swings whose chain holds the link, in the debrief's order of swings. */
  moved: { measure: SwingMeasure; quarter: number }[];
  /** The same in words: "Moved profit and revenue in Q4, and profit in Q7." */
  movedText: string;
}

export interface IdeaNote {
  /** The idea's number in DESIGN.md, 1–7. */
  idea: number;
  title: string;
  evidence: string;
  figures: Record<string, number>;
}

export type LessonKind = 'swing' | 'split' | 'moves' | 'dispute' | 'closing' | 'discounting' | 'prospects' | 'lost-accounts';

/** One lesson from this game (src/debrief/lessons.ts): a sentence and the figures it states. */
export interface Lesson {
  kind: LessonKind;
  /** How much of the game the lesson is about (the rule is in lessons.ts); the debrief opens with the largest. */
  size: number;
  title: string;
  text: string;
  figures: Record<string, number>;
  /**
   * Codes the text stands on: the swing's first cause (a ChainKind), the dispute's options
   * compared, the account lost; and `subject`, what it is about (no two lessons told share one).
   */
  codes: Record<string, string>;
  /** "Next time, try …" for this lesson, or null when the game did well there. */
  next: string | null;
}

export interface NextTime {
  /** The lesson it comes from. */
  from: LessonKind;
  text: string;
  figures: Record<string, number>;
}

export interface Debrief {
  format: typeof DEBRIEF_FORMAT;
  scenarioId: string;
  scenarioTitle: string;
  firmName: string;
  seed: number;
  quarters: number;
  par: number;
  score: ScoreCard;
  stateHash: string;
  timeline: TimelineQuarter[];
  dispute: DisputeSummary | null;
  /** The three largest lessons of this game, largest first. */
  lessons: Lesson[];
  nextTime: NextTime | null;
  swings: Swing[];
  /** Every link of the swings' chains once, in the order the causes happened. */
  causes: Cause[];
  ideas: IdeaNote[];
  /** The scenario's debrief notes. */
  notes: string[];
  objectives: string[];
}

export interface Outcome {
  /** The dispute choices made, in order (option names). */
  choices: DisputeOption[];
  /** The same, as labels for a screen. */
  choiceLabels: string[];
  score: ScoreCard;
  totalProfit: number;
  totalRevenue: number;
  finalCustomerEquity: number;
  cash: number;
  accountLost: boolean;
  accountLostInQuarter: number | null;
  stateHash: string;
  /** Each quarter's record, for the debrief's charts to draw beside the game's. */
  perQuarter: { quarter: number; score: number; profit: number; revenue: number; customerEquity: number; effort: { marketing: number; sales: number; joint: number } }[];
}

export interface Fork {
  alternative: FinalDisputeOption;
  jointMeeting: boolean;
  /** The quarter before whose moves the fork decided differently. */
  fromQuarter: number;
  original: Outcome;
  fork: Outcome;
  /** Later moves that did not fit the fork's game and were dropped. */
  droppedMoves: number;
  rule: string;
}
