// The scenes' common base: a background, DOM placement, and clean-up on shutdown so a scene
// restarted fifty times leaves no listener or element behind (the heap check in the bench).
import Phaser from 'phaser';
import type { Opened } from '../src/app/session';
import { lastRecord, phaseOf, type GameFlowSnapshot } from '../src/flow/index';
import { app } from './context';
import { SCENES, SCENE_OF_PHASE, type SceneKey } from './keys';
import { whenSceneLoads } from './lazy';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { button, focusSoon, h, place } from './ui/dom';
import { Backdrop } from './ui/draw';

export abstract class BaseScene extends Phaser.Scene {
  private cleanups: (() => void)[] = [];
  /** The scene's flat drawings (panels, meters, charts) beneath everything else. */
  protected backdrop!: Backdrop;
  private entering = false;

  /** Call at the top of create(): hooks shutdown so every cleanup runs when the scene stops. */
  protected begin(background: number = COLOURS.paper): Phaser.GameObjects.Graphics {
    this.cleanups = [];
    // What create() places fades in (style.css, "Motion"); what a later redraw places does not.
    this.entering = true;
    queueMicrotask(() => (this.entering = false));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const fn of this.cleanups.splice(0)) fn();
    });
    // The background is the renderer's clear colour, which every frame clears to anyway. A camera
    // background colour would be drawn as one more full-screen blended rectangle (Phaser 4's
    // FillCamera), and in software WebGL every full-screen pass adds milliseconds to each frame.
    // (Both renderers read their config's backgroundColor before each frame; Phaser's types omit it.)
    const renderer = this.game.renderer as unknown as { config: { backgroundColor: Phaser.Display.Color } };
    renderer.config.backgroundColor = Phaser.Display.Color.IntegerToColor(background);
    // The flowing layout hides the canvas: the page takes the screen's background instead.
    document.documentElement.style.setProperty('--scene-background', `#${background.toString(16).padStart(6, '0')}`);
    this.backdrop = new Backdrop(this);
    return this.backdrop.g;
  }

  protected onCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  protected place(x: number, y: number, w: number, h: number, el: HTMLElement): Phaser.GameObjects.DOMElement {
    const placed = place(this, x, y, w, h, el);
    if (this.entering) (placed.node as HTMLElement).classList.add('entering');
    return placed;
  }

  /** A file dropped anywhere on the screen goes to `onFile`; a hint (`hintText`) shows while one is dragged over. */
  protected acceptFileDrops(hintText: string, onFile: (file: File) => void): void {
    const hint = h('div', { class: 'drop-hint', attrs: { 'aria-hidden': 'true' } }, [h('p', { text: hintText })]);
    const layer = this.place(0, 0, WIDTH, HEIGHT, hint);
    layer.pointerEvents = 'none';
    layer.setDepth(1000);
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    let depth = 0;
    const setShown = (shown: boolean) => hint.classList.toggle('shown', shown);
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setShown(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setShown(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setShown(false);
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      depth = 0;
      setShown(false);
      onFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    this.onCleanup(() => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    });
  }

  /**
   * Makes the banner a refused new game shows in (hidden until then) and returns the call that
   * starts a game through it: `start(replace)` starts it. When another tab plays that game, the
   * banner says so; when the same game is saved already, it asks whether to continue it or to
   * start over (start(true)). Call in create().
   */
  protected refusals(): (start: (replace: boolean) => Promise<Opened>) => void {
    const text = h('p', {});
    const choices = h('div', { class: 'refusal-actions' });
    const banner = h('div', { class: 'refusal alert', attrs: { role: 'alert', hidden: '' } }, [text, choices]);
    const close = () => banner.setAttribute('hidden', '');
    const layer = this.place(WIDTH / 2 - 440, 96, 880, 120, banner);
    // Clicks pass through the empty layer to the screen beneath; the banner itself takes them.
    layer.pointerEvents = 'none';
    layer.setDepth(900);
    let alive = true;
    this.onCleanup(() => (alive = false));
    const open = (start: (replace: boolean) => Promise<Opened>, replace: boolean) => {
      void start(replace).then((opened) => {
        if (opened.ok || !alive) return;
        text.textContent = opened.message;
        const closeButton = button('Close', close, 'ghost', 'Close this message');
        if (opened.reason === 'saved') {
          const key = opened.key;
          choices.replaceChildren(
            button('Continue the saved game', () => open(() => app().session.continueGame(key), false), 'primary'),
            button('Start over', () => open(start, true), 'secondary', 'Start over: the saved game is lost'),
            closeButton,
          );
        } else choices.replaceChildren(closeButton);
        banner.removeAttribute('hidden');
        focusSoon(choices.querySelector('button') ?? banner);
      });
    };
    return (start) => open(start, false);
  }

  /** A heading that receives focus when the scene opens (tabindex −1: focusable, not in the Tab order). */
  protected heading(level: 'h1' | 'h2', text: string, cls = ''): HTMLHeadingElement {
    const el = h(level, { class: cls, text, attrs: { tabindex: '-1' } });
    focusSoon(el);
    document.title = text === 'Marketing & Sales' ? text : `${text} — Marketing & Sales`;
    return el;
  }

  /** Wakes the sleeping game loop after a change that came from outside it (a server's message, a request answered). */
  static wake(game: Phaser.Game): void {
    if (!game.loop.running) game.loop.wake(true);
  }

  /** Follows the game's phase: each phase has its scene, and only one game scene runs at a time. */
  static show(game: Phaser.Game, key: SceneKey, data?: object): void {
    // A game's scene asked for before its chunk is in (a save continued at once): shown when it is.
    const loading = game.scene.getScene(key) ? null : whenSceneLoads();
    if (loading) {
      void loading.then(() => BaseScene.show(game, key, data));
      return;
    }
    // Inside Phaser's own step (a tween's callback sent an event) a scene must not be shut down
    // under it: the change waits for the step to end, still before the next task.
    if (game.scene.isProcessing) {
      queueMicrotask(() => BaseScene.show(game, key, data));
      return;
    }
    for (const scene of game.scene.getScenes(true)) {
      if (scene.scene.key !== key) game.scene.stop(scene.scene.key);
    }
    // The manager's start, at once (a running scene is shut down and started again): a scene's
    // own restart is queued for the next frame, and a queued start outlived a stop that came
    // meanwhile (a new game then its first events in one task left its briefing under the next screen).
    game.scene.start(key, data);
    BaseScene.layOutNow(game);
  }

  /**
   * Lays out the DOM a scene has just built or changed, in the task that changed it, rather than
   * in the next frame's task, which must also wait for the canvas to be drawn and read back
   * (software WebGL: tens of milliseconds). Two shorter tasks keep the page responsive (no Long
   * Task); the screen still changes in one frame, as nothing is painted between them.
   */
  static layOutNow(game: Phaser.Game): void {
    void game.domContainer?.getBoundingClientRect();
  }

  static showPhase(game: Phaser.Game, snapshot: GameFlowSnapshot): void {
    const phase = phaseOf(snapshot);
    // A live workshop group's report waits for its round to close on the server.
    if (phase === 'review' && !app().live.mayShowReport(lastRecord(snapshot.context)?.quarter ?? 0)) {
      BaseScene.show(game, SCENES.liveWait);
      return;
    }
    BaseScene.show(game, SCENE_OF_PHASE[phase]);
  }

  protected snapshot(): GameFlowSnapshot {
    const snapshot = app().session.snapshot();
    if (!snapshot) throw new Error(`${this.scene.key} opened without a running game.`);
    return snapshot;
  }
}
