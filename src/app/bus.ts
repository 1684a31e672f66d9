// A small typed event bus between the scenes and the game session. Every message has one
// declared payload type, so a scene cannot send a misspelt event or a wrong payload — the
// failure Phaser's string-keyed emitter would only show at run time. It has no Phaser in it,
// so the session and the tests can use it headless.

export type Listener<T> = (payload: T) => void;

export class TypedBus<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribes; the returned function unsubscribes (scenes call it on shutdown, so nothing leaks). */
  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
    };
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    // A copy: a listener may unsubscribe (a scene shutting down) while the event is delivered.
    for (const listener of [...set]) (listener as Listener<Events[K]>)(payload);
  }

  /** How many listeners are attached: the leak check in the browser tests reads it. */
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
