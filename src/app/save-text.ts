// The words about saved games: the title screen's list (one row per game, to continue or to
// delete), a save that could not be used, and a game another tab is playing.
import type { SaveSummary, SavedGame, SlotId } from './save';

export const OPEN_ELSEWHERE =
  'This game is open in another tab or window of this browser, and a game plays in one place at a time. Go back to the title screen there, or close that tab, then open it here.';
export const DELETE_OPEN_ELSEWHERE =
  'This game is open in another tab or window of this browser, so it cannot be deleted now. Go back to the title screen there, or close that tab, first.';
export const SAVE_GONE = 'This saved game could not be opened any more: it was deleted or changed in another tab. Here is the list as it is now.';
/** Beside a game in the list while another tab plays it. */
export const OPEN_ELSEWHERE_NOTE = 'Open in another tab or window';

/** A save that could not be used, set aside under `keptUnder` (null: it could not be moved, and stays where it was). */
export interface RejectedSave {
  message: string;
  keptUnder: string | null;
}

export function rejectedSave(reason: string, keptUnder: string | null, title: string | null): RejectedSave {
  const kept = keptUnder ? ` The old save is kept in this browser under “${keptUnder}”.` : '';
  return { message: `A saved game${title ? ` (${title})` : ''} could not be opened: ${reason}.${kept}`, keptUnder };
}

/** How a game is played, in a few words. */
export function playedAs(slot: SlotId): string {
  switch (slot.mode) {
    case 'hot-seat':
      return `hot-seat workshop, ${slot.group ?? 'a group'}`;
    case 'join':
      return `workshop heat, as ${slot.group ?? 'a group'}`;
    case 'ghost':
      return `against ${slot.group ?? 'a group'}’s decisions`;
    default:
      return 'played alone';
  }
}

/** Said when a new game would replace the same game saved already. */
export function savedAlready(slot: SlotId, summary: SaveSummary | null): string {
  const where = summary === null ? '' : summary.finished ? ', at its final results' : `, at quarter ${summary.quarter} of ${summary.quarters}`;
  const title = summary?.scenarioTitle ?? slot.scenarioId;
  return `This game is saved already: ${title} on seed ${slot.seed}, ${playedAs(slot)}${where}. Continue it, or start it over and lose the saved one.`;
}

export interface SavedGameRow {
  key: string;
  title: string;
  /** Where the game is, its seed and how it is played. */
  detail: string;
  /** The Continue button's accessible name (its text is "Continue"). */
  continueName: string;
  /** The Delete button's accessible name (its text is "Delete"). */
  deleteName: string;
  /** Asked before deleting. */
  confirmQuestion: string;
  confirmName: string;
  keepName: string;
}

export function savedGameRows(games: readonly SavedGame[]): SavedGameRow[] {
  return games.map((game) => {
    const where = game.finished ? 'final results' : `quarter ${game.quarter} of ${game.quarters}`;
    const how = playedAs(game.slot);
    const full = `${game.title}, ${where}, seed ${game.slot.seed}, ${how}`;
    return {
      key: game.key,
      title: game.title,
      detail: `${where[0]!.toUpperCase()}${where.slice(1)} · seed ${game.slot.seed} · ${how}`,
      continueName: `Continue: ${full}`,
      deleteName: `Delete: ${full}`,
      confirmQuestion: `Delete this game for good? ${game.title}, ${where}, cannot be continued afterwards.`,
      confirmName: `Yes, delete: ${full}`,
      keepName: `No, keep: ${full}`,
    };
  });
}
