// The ways to act on the discontinuation dispute, one table: each option's effort cost (points,
// on which side, for how many quarters from its choice), whether it settles the dispute, and
// whether it counts as a compromise between the two sides. DisputeOption, the final options,
// the effort the dispute reserves, validation, the leaders' reactions and the collaboration cost
// all derive from it; the words for each option live outside the model (src/debrief/dispute-text.ts).
// Imports nothing, so every part of the model can use it.

/** Which side's effort an option spends. */
export type DisputeEffortSide = 'sales' | 'joint';

export const DISPUTE_OPTION_TABLE = [
  { option: 'discontinue', final: true, compromise: false, effort: 0, side: null, quarters: 0 },
  { option: 'keep', final: true, compromise: false, effort: 0, side: null, quarters: 0 },
  { option: 'reprice', final: true, compromise: true, effort: 0, side: null, quarters: 0 },
  // The migration plan: sales points in the decision's quarter and the next.
  { option: 'phase-out', final: true, compromise: true, effort: 2, side: 'sales', quarters: 2 },
  // Spent with the account, asking how it uses the line: they count as relationship calls on it too.
  { option: 'investigate', final: false, compromise: false, effort: 2, side: 'sales', quarters: 1 },
  { option: 'joint-meeting', final: false, compromise: false, effort: 2, side: 'joint', quarters: 1 },
] as const satisfies readonly {
  option: string;
  final: boolean;
  compromise: boolean;
  /** Effort points the option takes in each quarter it runs. */
  effort: number;
  side: DisputeEffortSide | null;
  /** Quarters, from the one it is chosen before, whose budget it takes `effort` from. */
  quarters: number;
}[];

type OptionRow = (typeof DISPUTE_OPTION_TABLE)[number];
export type DisputeOption = OptionRow['option'];
/** The options that settle the dispute; the others lead to a decision. */
export type FinalDisputeOption = Extract<OptionRow, { final: true }>['option'];

/** Every way to act on the dispute, in the table's order (the order a screen lists them). */
export const DISPUTE_OPTIONS: readonly DisputeOption[] = DISPUTE_OPTION_TABLE.map((row) => row.option);
export const FINAL_DISPUTE_OPTIONS: readonly FinalDisputeOption[] = DISPUTE_OPTION_TABLE.filter((row) => row.final).map((row) => row.option as FinalDisputeOption);

export interface DisputeOptionInfo {
  final: boolean;
  compromise: boolean;
  effort: number;
  side: DisputeEffortSide | null;
  quarters: number;
}

export const DISPUTE_OPTION_INFO: Readonly<Record<DisputeOption, DisputeOptionInfo>> = Object.fromEntries(
  DISPUTE_OPTION_TABLE.map((row) => [row.option, { final: row.final, compromise: row.compromise, effort: row.effort, side: row.side, quarters: row.quarters }]),
) as Record<DisputeOption, DisputeOptionInfo>;

export function isFinalOption(option: DisputeOption): option is FinalDisputeOption {
  return Object.hasOwn(DISPUTE_OPTION_INFO, option) && DISPUTE_OPTION_INFO[option].final;
}

/** Whether the option is a compromise: each side gives something up. */
export function isCompromise(option: DisputeOption): boolean {
  return DISPUTE_OPTION_INFO[option].compromise;
}
