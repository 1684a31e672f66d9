// The live channel: a WebSocket per screen. A client says hello with its token (the instructor's
// secret, or a group's), then is sent its view at once and again after every change to the heat,
// whichever process made it. A message that does not parse gets an error back, never a crash.
import type { WebSocket } from 'ws';
import { ServerRefusal } from './errors';
import type { HeatState } from './heat-state';
import { liveMessage, parseBody } from './requests';
import type { HeatStore } from './store';
import { tokenMatches, tokenHash } from './tokens';
import { boardView, groupViewText } from './views';

type Audience = { kind: 'instructor' | 'projector' } | { kind: 'group'; index: number };

interface Client {
  socket: WebSocket;
  audience: Audience;
  /** What the last view sent was made of (a group's: the workshop's state and the group's version). */
  sent: string | null;
}

/**
 * Views go out once a heat has been quiet this long: a burst of 300 submissions makes one push
 * after its last reply, not a push every few ms competing with the submissions still waiting.
 */
const QUIET_MS = 20;
/** …but never later than this after the first change, so a steady stream still updates the screens. */
const MAX_DELAY_MS = 200;
const HELLO_TIMEOUT_MS = 10_000;

export class LiveHub {
  private readonly clients = new Map<string, Set<Client>>();
  private readonly due = new Map<string, { first: number; timer: NodeJS.Timeout }>();

  constructor(private readonly store: HeatStore) {
    store.onChange((heatId) => this.changed(heatId));
  }

  /** Takes a new socket for a heat: it must say hello with a valid token first. */
  accept(heatId: string, socket: WebSocket): void {
    let client: Client | null = null;
    const timer = setTimeout(() => client === null && socket.close(4401, 'no hello'), HELLO_TIMEOUT_MS);
    socket.on('message', (data, isBinary) => {
      void (async () => {
        let message;
        try {
          message = parseBody(liveMessage, isBinary ? null : JSON.parse(String(data)));
        } catch (error) {
          send(socket, { type: 'error', error: 'bad-message', message: error instanceof ServerRefusal ? error.message : `the message is not JSON: ${(error as Error).message}` });
          return;
        }
        if (message.type === 'ping') {
          send(socket, { type: 'pong' });
          return;
        }
        if (client !== null) {
          send(socket, { type: 'error', error: 'bad-message', message: 'this channel has already said hello' });
          return;
        }
        try {
          const heat = await this.store.read(heatId);
          const audience = audienceOf(heat, message.token, message.audience);
          if (audience === null) {
            send(socket, { type: 'error', error: 'unauthorised', message: 'that token is not valid for this workshop' });
            socket.close(4401, 'unauthorised');
            return;
          }
          clearTimeout(timer);
          client = { socket, audience, sent: null };
          let set = this.clients.get(heatId);
          if (set === undefined) this.clients.set(heatId, (set = new Set()));
          set.add(client);
          if (audience.kind === 'group') {
            const view = groupViewText(heat, heat.groups[audience.index]!);
            client.sent = view.key;
            sendText(socket, view.text);
          } else send(socket, boardView(heat, audience.kind));
        } catch (error) {
          send(socket, { type: 'error', error: error instanceof ServerRefusal ? error.code : 'internal', message: (error as Error).message });
          socket.close(1011, 'error');
        }
      })();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (client !== null) this.clients.get(heatId)?.delete(client);
    });
    socket.on('error', () => socket.terminate());
  }

  private changed(heatId: string): void {
    if (!this.clients.get(heatId)?.size) return;
    const now = performance.now();
    const due = this.due.get(heatId);
    if (due !== undefined) clearTimeout(due.timer);
    const first = due?.first ?? now;
    const timer = setTimeout(
      () => {
        this.due.delete(heatId);
        void this.push(heatId);
      },
      Math.max(0, Math.min(QUIET_MS, first + MAX_DELAY_MS - now)),
    );
    this.due.set(heatId, { first, timer });
  }

  private async push(heatId: string): Promise<void> {
    const set = this.clients.get(heatId);
    if (!set?.size) return;
    let heat: HeatState;
    try {
      heat = await this.store.read(heatId);
    } catch {
      return;
    }
    // The board is the same for every instructor screen: made once per push. A group is sent
    // its view only when the workshop's state or its own record changed: a burst of 300
    // submissions must not send every group 300 copies of a view that did not change.
    const boards = new Map<string, string>();
    for (const client of set) {
      const audience = client.audience;
      if (audience.kind === 'group') {
        const view = groupViewText(heat, heat.groups[audience.index]!);
        if (view.key === client.sent) continue;
        client.sent = view.key;
        sendText(client.socket, view.text);
        continue;
      }
      let text = boards.get(audience.kind);
      if (text === undefined) boards.set(audience.kind, (text = JSON.stringify(boardView(heat, audience.kind))));
      sendText(client.socket, text);
    }
  }

  close(): void {
    for (const { timer } of this.due.values()) clearTimeout(timer);
    for (const set of this.clients.values()) for (const c of set) c.socket.terminate();
    this.clients.clear();
  }
}

function audienceOf(heat: HeatState, token: string, asked: 'instructor' | 'projector' | undefined): Audience | null {
  if (tokenMatches(token, heat.secretHash)) return { kind: asked ?? 'instructor' };
  const group = heat.byToken.get(tokenHash(token));
  return group === undefined ? null : { kind: 'group', index: group.index };
}

function send(socket: WebSocket, message: object): void {
  sendText(socket, JSON.stringify(message));
}

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState === socket.OPEN) socket.send(text);
}
