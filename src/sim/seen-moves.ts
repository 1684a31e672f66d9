// The "planned twice" rule's memory: which (kind, target) pairs a decision's moves have used so
// far. Shared by validateDecision and the resolver's tally, so both apply the rule the same way.
import { MOVE_KIND_COUNT } from './moves';

/**
 * A slot per kind and target index (slot 0 for a move with no target) holds the stamp of the
 * decision that used it last, so nothing needs clearing between decisions.
 */
export class SeenMoves {
  private used = new Int32Array(MOVE_KIND_COUNT * 64);
  private stamp = 0;
  private stride = 64;

  /** Starts a decision over a firm with this many lines and accounts. */
  begin(nProducts: number, nAccounts: number): void {
    const stride = Math.max(nProducts, nAccounts, 1);
    if (this.used.length < MOVE_KIND_COUNT * stride) this.used = new Int32Array(2 * MOVE_KIND_COUNT * stride);
    this.stride = stride;
    if (++this.stamp === 0x7fffffff) {
      this.used.fill(0);
      this.stamp = 1;
    }
  }

  /** Marks the move of kind `code` on target index `at` (−1: none) as used; false if a move before it was the same. */
  firstUse(code: number, at: number): boolean {
    const slot = code * this.stride + (at < 0 ? 0 : at);
    if (this.used[slot] === this.stamp) return false;
    this.used[slot] = this.stamp;
    return true;
  }
}
