// Lets the game loop sleep while nothing moves. The screens are static between a player's
// actions, yet Phaser would redraw the whole canvas and reposition every DOM control sixty times
// a second; on a training-room laptop (or software WebGL) that eats the frame budget and the
// battery. The loop wakes on any input, on every game event, and stays awake while a tween runs.
import Phaser from 'phaser';

// Counted in frames, not time: a frame only changes the canvas when something drew on it (a scene
// opening, a meter redrawn after a move), and each frame costs a full WebGL redraw — tens of
// milliseconds in software WebGL, where a time window let several identical frames through and
// each one held the page up. Two frames draw any change and place any new DOM control. The
// controls' hover and focus states are DOM and need no frame.
const IDLE_FRAMES = 2;
// The click itself (and the key or pointer going up) wakes it too: a button's handler that starts
// a scene runs on click, which can come more than two frames after the pointer or key went down
// (a slow machine, a long press, Space on a button); a loop asleep by then would leave the new
// scene queued and never shown.
const WAKE_EVENTS = ['pointerdown', 'pointerup', 'click', 'pointermove', 'keydown', 'keyup', 'input', 'change', 'focusin', 'wheel', 'touchstart', 'resize'] as const;

export function sleepWhenIdle(game: Phaser.Game): { wake(): void } {
  let quietFrames = 0;
  const wake = () => {
    quietFrames = 0;
    if (!game.loop.running) game.loop.wake(true);
  };
  for (const type of WAKE_EVENTS) window.addEventListener(type, wake, { capture: true, passive: true });
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    // A scene still starting (loading, creating) is not "active" yet, and nothing would wake the
    // loop to finish it: stay awake until it runs. From START, not INIT: every scene booted but
    // never started sits in INIT for good, and counting those kept the loop awake forever.
    const starting = game.scene.getScenes(false).some((scene) => {
      const status = scene.sys.settings.status;
      return status >= Phaser.Scenes.START && status < Phaser.Scenes.RUNNING;
    });
    const busy = starting || game.scene.getScenes(true).some((scene) => {
      // Boot and the preloader hand over by themselves (after the font loads), with no input to wake on.
      if (scene.load?.isLoading() || scene.scene.key === 'Boot' || scene.scene.key === 'Preloader') return true;
      if (scene.tweens.getTweens().length > 0) return true;
      const camera = scene.cameras.main;
      return camera.fadeEffect.isRunning || camera.flashEffect.isRunning;
    });
    if (busy || game.scene.isProcessing) quietFrames = 0;
    // Sleeping from inside the render is safe: it only cancels the next animation frame.
    else if (++quietFrames >= IDLE_FRAMES) game.loop.sleep();
  });
  return { wake };
}
