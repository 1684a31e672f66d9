// The page's side of the live workshop server: its JSON API and its live channel, when the page
// was served by `npm run server` (the same origin). Refusals arrive as the server's codes and
// words; a lost connection is retried with a growing pause, so a group's device that sleeps or
// a server that restarts picks up where it was.
import { SERVER_MARK_NAME, type BoardView, type GroupView, type MissedRule, type Pacing } from '../scoreboard/live-wire';
import type { Step } from '../sim/index';

export class LiveApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new LiveApiError(0, 'offline', 'the workshop server cannot be reached; check the network and try again');
  }
  const text = await response.text();
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Exports are text.
  }
  if (!response.ok) {
    const problem = (typeof value === 'object' && value !== null ? value : {}) as { error?: string; message?: string };
    throw new LiveApiError(response.status, problem.error ?? 'internal', problem.message ?? `the server answered ${response.status}`, problem as Record<string, unknown>);
  }
  return value as T;
}

/** Whether this page was served by a workshop server, which marks the page it serves (no request is made to find out). */
export function serverPresent(): boolean {
  return document.querySelector(`meta[name="${SERVER_MARK_NAME}"]`) !== null;
}

export interface CreateWorkshop {
  scenario: string;
  pacing: Pacing;
  seed?: number;
  missed?: MissedRule;
  groups?: string[];
  hold?: boolean;
}

export interface CreatedWorkshop {
  workshop: GroupView['workshop'];
  instructorSecret: string;
  instructorLink: string;
  joinLink: string;
}

export const liveApi = {
  create: (body: CreateWorkshop) => request<CreatedWorkshop>('POST', '/api/workshops', body),
  join: (code: string, name: string) => request<{ token: string; view: GroupView }>('POST', '/api/join', { code, name }),
  me: (id: string, token: string) => request<GroupView>('GET', `/api/workshops/${id}/me`, undefined, token),
  submit: (id: string, token: string, quarter: number, step: Step) => request<GroupView>('POST', `/api/workshops/${id}/decisions`, { quarter, step }, token),
  board: (id: string, secret: string) => request<BoardView>('GET', `/api/workshops/${id}/board`, undefined, secret),
  /** An instructor action: rounds/close, rounds/rollback, pause, resume, deadline, release, codes. */
  act: (id: string, secret: string, action: string, body: object) => request<BoardView>('POST', `/api/workshops/${id}/${action}`, body, secret),
  exportText: (id: string, secret: string, kind: 'csv' | 'json') => request<unknown>('GET', `/api/workshops/${id}/export.${kind}`, undefined, secret),
};

export type ChannelStatus = 'connecting' | 'open' | 'retrying';

/**
 * The live channel of one workshop for one token: every view the server sends goes to `onView`.
 * Reconnects by itself (1 s, 2 s, … up to 15 s) until closed; a refused token stops it.
 */
export function openChannel(
  workshop: string,
  token: string,
  onView: (view: BoardView | GroupView) => void,
  onStatus: (status: ChannelStatus, problem: string | null) => void,
  audience?: 'instructor' | 'projector',
): { close(): void } {
  let socket: WebSocket | null = null;
  let closed = false;
  let pause = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (closed) return;
    onStatus('connecting', null);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/workshops/${encodeURIComponent(workshop)}/live`);
    socket.addEventListener('open', () => {
      pause = 1000;
      socket!.send(JSON.stringify(audience === undefined ? { type: 'hello', token } : { type: 'hello', token, audience }));
    });
    socket.addEventListener('message', (event) => {
      let message: { type?: string; error?: string; message?: string };
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (message.type === 'board' || message.type === 'group') {
        onStatus('open', null);
        onView(message as BoardView | GroupView);
      } else if (message.type === 'error' && message.error === 'unauthorised') {
        closed = true;
        onStatus('retrying', message.message ?? 'the server no longer knows this device');
      }
    });
    socket.addEventListener('close', () => {
      if (closed) return;
      onStatus('retrying', null);
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 15_000);
    });
  };
  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
