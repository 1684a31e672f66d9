// One game open in one tab at a time: the session holds a lock named after a game's save slot
// while it plays the game, so a second tab (or window) of the same browser cannot play the same
// game at the same time — it would write the same slot, and the later write would undo the other
// tab's quarters. The Web Locks API (navigator.locks) does it properly: a lock is held for as
// long as the page keeps it and is freed when the page closes or crashes. Where it is missing, a
// BroadcastChannel asks the other tabs whether one of them holds the slot; where both are
// missing there is only this page to ask, and every claim succeeds.

/** The locks of the save slots, as this page holds them. */
export interface SlotLocks {
  /** Takes the slot's lock for this page; false when another tab holds it. True when this page already does. */
  claim(key: string): Promise<boolean>;
  /** Frees a lock this page holds (nothing when it holds none). */
  release(key: string): void;
  /** The slots whose lock another tab holds now. */
  heldElsewhere(): Promise<Set<string>>;
}

const LOCK_PREFIX = 'marketing-and-sales.lock:';
export const SLOT_CHANNEL = 'marketing-and-sales.slots';
/** How long a tab waits for the others to answer on the channel (they answer within a task). */
export const CHANNEL_WAIT_MS = 150;

/** The subset of the Web Locks API the slots use (navigator.locks in a browser and in Node 24). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** Slot locks on the Web Locks API. */
export function webSlotLocks(manager: LockManagerLike): SlotLocks {
  const held = new Map<string, { free: () => void; done: Promise<unknown> }>();
  const pending = new Map<string, Promise<boolean>>();
  /** Locks this page has let go of but the manager may not have freed yet (it frees them a moment later). */
  const releasing = new Map<string, Promise<unknown>>();
  return {
    claim(key) {
      if (held.has(key)) return Promise.resolve(true);
      const waiting = pending.get(key);
      if (waiting) return waiting;
      const claimed = (async () => {
        await releasing.get(key);
        let answer: (ok: boolean) => void = () => undefined;
        const granted = new Promise<boolean>((resolve) => (answer = resolve));
        let free: () => void = () => undefined;
        const done = manager
          .request(LOCK_PREFIX + key, { ifAvailable: true }, (lock) => {
            if (!lock) {
              answer(false);
              return;
            }
            // The lock is held until this promise settles: until release(), or the page closes.
            return new Promise<void>((settle) => {
              free = settle;
              answer(true);
            });
          })
          .catch(() => answer(false));
        const ok = await granted;
        if (ok) held.set(key, { free: () => free(), done });
        return ok;
      })().finally(() => pending.delete(key));
      pending.set(key, claimed);
      return claimed;
    },
    release(key) {
      const lock = held.get(key);
      if (!lock) return;
      held.delete(key);
      lock.free();
      const done = lock.done.finally(() => {
        if (releasing.get(key) === done) releasing.delete(key);
      });
      releasing.set(key, done);
    },
    async heldElsewhere() {
      try {
        const state = await manager.query();
        const names = (state.held ?? []).map((l) => l.name ?? '').filter((n) => n.startsWith(LOCK_PREFIX)).map((n) => n.slice(LOCK_PREFIX.length));
        return new Set(names.filter((key) => !held.has(key)));
      } catch {
        return new Set();
      }
    },
  };
}

/** The subset of BroadcastChannel the fallback uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

type ChannelMessage =
  | { type: 'ask'; key: string; from: string }
  | { type: 'mine'; key: string; to: string }
  | { type: 'who'; from: string }
  | { type: 'held'; keys: string[]; to: string };

/**
 * Slot locks over a BroadcastChannel, for browsers without Web Locks: a tab claiming a slot asks
 * the others and waits a moment; a tab holding it (or claiming it first, by a random id's order)
 * answers that it is taken. Not airtight like Web Locks, but two tabs opened one after the other
 * — the case a player meets — are told apart.
 */
export function channelSlotLocks(channel: ChannelLike, id: string = Math.random().toString(36).slice(2), waitMs = CHANNEL_WAIT_MS): SlotLocks {
  const held = new Set<string>();
  /** Claims in progress: the slot and whether another tab has answered that it is taken. */
  const claiming = new Map<string, { taken: boolean }>();
  const others = new Map<string, Set<string>>();
  channel.addEventListener('message', (event) => {
    const message = event.data as ChannelMessage;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'ask' && message.from !== id) {
      // Held here, or claimed here at the same moment by the tab whose id sorts first.
      if (held.has(message.key) || (claiming.has(message.key) && id < message.from)) channel.postMessage({ type: 'mine', key: message.key, to: message.from });
    } else if (message.type === 'mine' && message.to === id) {
      const claim = claiming.get(message.key);
      if (claim) claim.taken = true;
    } else if (message.type === 'who' && message.from !== id) {
      channel.postMessage({ type: 'held', keys: [...held], to: message.from });
    } else if (message.type === 'held' && message.to === id) {
      for (const collect of others.values()) for (const key of message.keys) collect.add(key);
    }
  });
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, waitMs));
  return {
    async claim(key) {
      if (held.has(key)) return true;
      const claim = { taken: false };
      claiming.set(key, claim);
      channel.postMessage({ type: 'ask', key, from: id });
      await wait();
      claiming.delete(key);
      if (claim.taken) return false;
      held.add(key);
      return true;
    },
    release(key) {
      held.delete(key);
    },
    async heldElsewhere() {
      const found = new Set<string>();
      const asking = Math.random().toString(36);
      others.set(asking, found);
      channel.postMessage({ type: 'who', from: id });
      await wait();
      others.delete(asking);
      return found;
    },
  };
}

/** Locks for a page alone (no Web Locks, no BroadcastChannel): every claim succeeds. */
export function soloSlotLocks(): SlotLocks {
  return {
    claim: () => Promise.resolve(true),
    release: () => undefined,
    heldElsewhere: () => Promise.resolve(new Set()),
  };
}

/** The best locks this browser offers. */
export function browserSlotLocks(scope: { navigator?: { locks?: LockManagerLike }; BroadcastChannel?: new (name: string) => ChannelLike } = globalThis as never): SlotLocks {
  if (scope.navigator?.locks) return webSlotLocks(scope.navigator.locks);
  if (scope.BroadcastChannel) return channelSlotLocks(new scope.BroadcastChannel(SLOT_CHANNEL));
  return soloSlotLocks();
}
