// window.marketingAndSales: a small hook for tests and tools. It runs the game's core inside the
// page, so a check can compare the browser's result with Node's (DESIGN.md, "Determinism"), and
// it lets browser tests read what the running game shows without scraping the canvas.
import { phaseOf, type GameFlowEvent, type Phase } from '../flow/index';
import { shippedScenarios } from './scenarios';
import { parseReplay, runReplay } from '../replay/replay';
import type { Forecast, Scenario } from '../sim/index';
import type { ForecastShown } from './forecast-client';
import type { GameSession, Opened } from './session';
import type { SoundReport } from './sound-cues';

/** The little of Phaser's Game the hook reads; typed here so src/ never imports Phaser. */
export interface GameLike {
  renderer: { type: number };
  loop: { running: boolean };
  scene: { getScenes(active: boolean): { scene: { key: string } }[] };
}

export interface GameView {
  phase: Phase;
  /** The next quarter to play (1-based). */
  quarter: number;
  cash: number;
  history: { quarter: number; revenue: number; profit: number; cash: number }[];
  draft: { kind: string; target?: string; points: number }[];
  /**
   * The planning screen's forecast as it stands: the plan it was asked for (planKey), whether its
   * figures are that plan's yet (`fresh`) and complete (`done`), how long the band and the last
   * effect took (ms), where it ran, and the figures (src/sim/forecast.ts Forecast, cents and points).
   */
  forecast: (Omit<ForecastShown, 'forecast'> & { figures: Forecast | null }) | null;
}

export interface MarketingAndSalesHook {
  /**
   * Plays `replay` (replay JSON, as text or a value) on `scenario` (an already-parsed scenario
   * object) and returns the final-state hash and the total score. Throws a ReplayError when
   * the replay is malformed or belongs to another scenario or version.
   */
  runReplay(scenario: Scenario, replay: unknown): { stateHash: string; score: number };
  /** 'webgl' or 'canvas': which Phaser renderer runs. */
  renderer(): 'webgl' | 'canvas' | 'none';
  /** Whether the game loop is drawing frames (it sleeps while the screen is idle). */
  drawing(): boolean;
  /**
   * Whether the screen has come to rest: the game loop asleep (so no scene is starting or
   * queued, no tween or camera effect runs, and the latest snapshot has been drawn — the loop
   * wakes on every snapshot and input and sleeps only after quiet frames) and no animation of a
   * scene's own runs (the quarter report's count-up moves DOM while the loop sleeps), no CSS
   * animation (a screen fading in), nor any work a scene is still to fill in (the report's
   * forecast against the actual, from the worker). Tests wait for it before a screenshot or a
   * check of what stays on screen, instead of a fixed delay.
   */
  settled(): boolean;
  /** Keys of the scenes running now. */
  scenes(): string[];
  /** What the running game shows, or null on the title screens. */
  view(): GameView | null;
  /** Listeners on the session's bus: constant across games when nothing leaks. */
  listeners(): number;
  /** Tools (the browser bench) drive the running game as the scenes do: through the bus. */
  send(event: GameFlowEvent): void;
  /**
   * Starts a new game of a shipped scenario, as the scenario screen's Play button does; resolves
   * once it runs (or is refused: another tab plays that game).
   */
  newGame(scenarioId: string, seed: number): Promise<Opened>;
  /** The keys of the save slots in this browser (in key order), and the running game's slot. */
  saves(): { games: string[]; current: string | null };
  /** The sound player's state: on or off, allowed yet, and the cues it sounded (null before the game runs). */
  sounds(): SoundReport | null;
  attach(parts: { game: GameLike; session: GameSession; sound?: { report(): SoundReport } }): void;
}

declare global {
  interface Window {
    marketingAndSales: MarketingAndSalesHook;
  }
}

let attached: { game: GameLike; session: GameSession; sound?: { report(): SoundReport } } | null = null;
let animations = 0;

/**
 * Tells settled() that a scene's own animation runs, one the game loop cannot see (it moves DOM
 * on requestAnimationFrame while the loop sleeps), or that a scene waits for work to fill in
 * (the quarter report's forecast against the actual). Returns the call that ends it; a second call
 * does nothing, so a scene may call it both on finishing and on shutting down.
 */
export function animationRuns(): () => void {
  animations++;
  let running = true;
  return () => {
    if (running) animations--;
    running = false;
  };
}

function forecastOf(shown: ForecastShown | null): GameView['forecast'] {
  if (!shown) return null;
  const { forecast, ...rest } = shown;
  return { ...rest, figures: forecast };
}

export const hook: MarketingAndSalesHook = {
  runReplay(scenario, replay) {
    // Only the two numbers: the full state is large and a caller compares hashes, not states.
    const { stateHash, score } = runReplay(scenario, parseReplay(replay));
    return { stateHash, score };
  },
  renderer() {
    // Phaser.WEBGL is 2 and Phaser.CANVAS is 1 (Phaser's CONST).
    const type = attached?.game.renderer?.type;
    return type === 2 ? 'webgl' : type === 1 ? 'canvas' : 'none';
  },
  drawing() {
    return attached?.game.loop.running ?? false;
  },
  settled() {
    return attached !== null && !attached.game.loop.running && animations === 0 && !cssAnimating();
  },
  scenes() {
    return attached?.game.scene.getScenes(true).map((s) => s.scene.key) ?? [];
  },
  view() {
    const snapshot = attached?.session.snapshot();
    if (!snapshot) return null;
    const { game, draft } = snapshot.context;
    return {
      phase: phaseOf(snapshot),
      quarter: game.quarter,
      cash: game.cash,
      history: game.history.map((r) => ({ quarter: r.quarter, revenue: r.revenue, profit: r.profit, cash: r.cash })),
      draft: draft.map((m) => ({ ...m })),
      forecast: forecastOf(attached!.session.forecasts.shown()),
    };
  },
  listeners() {
    return attached?.session.bus.listenerCount() ?? 0;
  },
  send(event) {
    attached?.session.bus.emit('flow', event);
  },
  newGame(scenarioId, seed) {
    const found = shippedScenarios().scenarios.find((s) => s.id === scenarioId);
    if (!found) throw new Error(`No shipped scenario "${scenarioId}".`);
    if (!attached) throw new Error('The game is not running yet.');
    // A tool starts afresh: the same game saved already is replaced without asking.
    return attached.session.newGame(found.scenario, seed, null, { replace: true });
  },
  saves() {
    const session = attached?.session;
    return { games: session?.slotKeys() ?? [], current: session?.currentSlot() ?? null };
  },
  sounds() {
    return attached?.sound?.report() ?? null;
  },
  attach(parts) {
    attached = parts;
  },
};

/** Whether a CSS animation of a finite length runs on the page (a screen fading in, a stamp landing). */
function cssAnimating(): boolean {
  if (typeof document === 'undefined' || typeof document.getAnimations !== 'function') return false;
  return document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
}
