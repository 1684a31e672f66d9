// Round deadlines: when a heat's open round has a deadline, a timer closes the round at that
// time. Every process serving the heat arms one; the close is a command checked inside the
// heat's lock, so the first to fire closes the round and the others are refused harmlessly.
// A paused heat's deadline does not fire; on resuming, a deadline already past closes the round.
import { closeCommand } from './heat-commands';
import type { HeatState } from './heat-state';
import type { HeatStore } from './store';
import { refuse } from './errors';

export class Deadlines {
  private readonly timers = new Map<string, { at: string; timer: NodeJS.Timeout }>();

  constructor(private readonly store: HeatStore) {
    store.onChange((heatId) => void this.store.read(heatId).then((heat) => this.arm(heat), () => undefined));
  }

  arm(heat: HeatState): void {
    const armed = this.timers.get(heat.id);
    const wanted = heat.pacing === 'instructor' && !heat.paused && heat.deadline !== null && heat.round <= heat.scenario.quarters ? heat.deadline : null;
    if (armed?.at === wanted) return;
    if (armed) clearTimeout(armed.timer);
    this.timers.delete(heat.id);
    if (wanted === null) return;
    const delay = Math.max(0, Date.parse(wanted) - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(heat.id);
      void this.fire(heat.id, wanted);
    }, Math.min(delay, 2 ** 31 - 1));
    this.timers.set(heat.id, { at: wanted, timer });
  }

  private async fire(heatId: string, at: string): Promise<void> {
    try {
      await this.store.append(heatId, (heat) => {
        if (heat.deadline !== at || heat.paused) refuse('wrong-quarter', 'the deadline changed before it fired');
        return closeCommand(heat, heat.round);
      });
    } catch {
      // Another process closed the round first, or the deadline moved: nothing to do.
    }
  }

  close(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
