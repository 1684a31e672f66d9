// QR codes of result codes: drawn for a group's final results (qrcode-generator) and read back
// from a photo or screenshot on the scoreboard (jsQR, loaded only when an image is scanned).
// Result codes use only capitals, digits and a hyphen, so they fit QR's compact alphanumeric mode.
import { h } from './dom';

/**
 * A canvas showing `text` as a QR code, `size` design pixels square, with a quiet zone. The
 * encoder is loaded on first use (only the final results of a heat need it), then drawn.
 */
export function qrCanvas(text: string, size: number, label: string): HTMLCanvasElement {
  const canvas = h('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': label, width: String(size), height: String(size) } });
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  void import('qrcode-generator').then(({ default: qrcode }) => {
    const qr = qrcode(0, 'M');
    qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
    qr.make();
    const modules = qr.getModuleCount();
    const quiet = 4;
    // Whole pixels per module, so every module is sharp; the canvas is scaled to `size` by CSS.
    const cell = Math.max(2, Math.ceil(size / (modules + 2 * quiet)));
    const side = cell * (modules + 2 * quiet);
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.fillStyle = '#000';
    for (let r = 0; r < modules; r++) {
      for (let c = 0; c < modules; c++) if (qr.isDark(r, c)) ctx.fillRect((c + quiet) * cell, (r + quiet) * cell, cell, cell);
    }
    canvas.dataset.modules = String(modules);
  });
  return canvas;
}

/** Reads the QR code in an image file; null when none is found (or the image cannot be read). */
export async function readQrImage(file: Blob): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  // Large photos are scaled down: a QR code needs far fewer pixels, and jsQR's time grows with them.
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const found = jsQR(ctx.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' });
  return found?.data ?? null;
}

/** Whether this browser can offer a camera at all (it may still refuse or have none). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * Shows the camera in `video` and looks for a QR code a few times a second. Calls `onCode` once
 * with the first code read, or `onError` with a sentence when there is no camera or it is refused.
 * Returns the function that stops the camera (call it on every way out).
 */
export function scanWithCamera(video: HTMLVideoElement, onCode: (text: string) => void, onError: (message: string) => void): () => void {
  let stream: MediaStream | null = null;
  let timer = 0;
  let stopped = false;
  const stop = () => {
    stopped = true;
    window.clearInterval(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
  };
  if (!cameraAvailable()) {
    onError('This browser offers no camera here (a camera needs a secure page, https or localhost). Choose a photo of the QR code instead.');
    return stop;
  }
  void (async () => {
    try {
      const { default: jsQR } = await import('jsqr');
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped) {
        stop();
        return;
      }
      video.srcObject = stream;
      video.muted = true;
      video.setAttribute('playsinline', '');
      await video.play();
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      timer = window.setInterval(() => {
        if (stopped || !ctx || video.videoWidth === 0) return;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0);
        const found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        if (found?.data) {
          stop();
          onCode(found.data);
        }
      }, 300);
    } catch (error) {
      stop();
      const name = (error as { name?: string }).name;
      onError(
        name === 'NotAllowedError'
          ? 'The camera was not allowed. Allow it in the browser, or choose a photo of the QR code instead.'
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'No camera was found. Choose a photo of the QR code instead.'
            : 'The camera could not be started. Choose a photo of the QR code instead.',
      );
    }
  })();
  return stop;
}
