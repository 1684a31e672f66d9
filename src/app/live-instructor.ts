// The instructor's hold on a live workshop in this browser: the workshop's code and the
// instructor's secret, kept so a reload (or the instructor link opened again) brings the board
// back. The secret arrives in the link's fragment (#secret=…), which is never sent to a server.
export const LIVE_INSTRUCTOR_KEY = 'marketing-and-sales.live-instructor';

export interface LiveInstructor {
  workshop: string;
  secret: string;
}

export function readLiveInstructor(storage: Storage): LiveInstructor | null {
  try {
    const value = JSON.parse(storage.getItem(LIVE_INSTRUCTOR_KEY) ?? 'null') as Partial<LiveInstructor> | null;
    return value && typeof value.workshop === 'string' && typeof value.secret === 'string' ? { workshop: value.workshop, secret: value.secret } : null;
  } catch {
    return null;
  }
}

export function writeLiveInstructor(storage: Storage, value: LiveInstructor | null): void {
  try {
    if (value === null) storage.removeItem(LIVE_INSTRUCTOR_KEY);
    else storage.setItem(LIVE_INSTRUCTOR_KEY, JSON.stringify(value));
  } catch {
    // Without storage the board lasts until the page is closed.
  }
}

/**
 * `?workshop=ID#secret=S` (an instructor link) or `?join=ID` (a group's join link) in the page's
 * address, taken once: the address is cleaned so a reload or a shared screenshot does not show it.
 */
export function takeLiveParams(): { instructor: LiveInstructor | null; join: string | null } {
  const url = new URL(location.href);
  const workshop = url.searchParams.get('workshop');
  const secret = new URLSearchParams(url.hash.replace(/^#/, '')).get('secret');
  const join = url.searchParams.get('join');
  if (workshop === null && join === null) return { instructor: null, join: null };
  url.searchParams.delete('workshop');
  url.searchParams.delete('join');
  url.hash = '';
  history.replaceState(null, '', url.toString());
  return { instructor: workshop !== null && secret !== null ? { workshop, secret } : null, join };
}
