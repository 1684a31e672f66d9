// The slots' locks, as two tabs see them: on the Web Locks API (Node 24 has navigator.locks, the
// same API as the browser's) and on the BroadcastChannel fallback (Node has that too).
import { describe, expect, it, vi } from 'vitest';
import { browserSlotLocks, channelSlotLocks, soloSlotLocks, webSlotLocks, type LockManagerLike, type SlotLocks } from '../../src/app/slot-locks';

const manager = (globalThis.navigator as unknown as { locks: LockManagerLike }).locks;
const channels: BroadcastChannel[] = [];
const channel = (name: string) => {
  const c = new BroadcastChannel(name);
  channels.push(c);
  return c;
};

async function twoTabs(first: SlotLocks, second: SlotLocks, key: string): Promise<void> {
  expect(await first.claim(key)).toBe(true);
  expect(await first.claim(key)).toBe(true); // this tab already holds it
  expect(await second.claim(key)).toBe(false);
  expect(await second.heldElsewhere()).toEqual(new Set([key]));
  expect(await first.heldElsewhere()).toEqual(new Set());
  expect(await second.claim(`${key}-other`)).toBe(true);
  first.release(key);
  await vi.waitFor(async () => expect(await second.claim(key)).toBe(true));
  expect(await first.claim(key)).toBe(false);
  second.release(key);
  second.release(`${key}-other`);
}

describe('slot locks', () => {
  it('on Web Locks: one tab holds a slot, the other is refused until it lets go', async () => {
    await twoTabs(webSlotLocks(manager), webSlotLocks(manager), 'web-a');
  });

  it('on Web Locks: a tab that lets go and claims again at once gets the slot back', async () => {
    const tab = webSlotLocks(manager);
    expect(await tab.claim('web-b')).toBe(true);
    tab.release('web-b');
    expect(await tab.claim('web-b')).toBe(true);
    tab.release('web-b');
  });

  it('on a BroadcastChannel: the same, by asking the other tabs', async () => {
    await twoTabs(channelSlotLocks(channel('locks-1'), 'tab-1', 30), channelSlotLocks(channel('locks-1'), 'tab-2', 30), 'chan-a');
    channels.splice(0).forEach((c) => c.close());
  });

  it('on a BroadcastChannel: of two tabs claiming one slot at once, one gets it', async () => {
    const a = channelSlotLocks(channel('locks-2'), 'tab-a', 30);
    const b = channelSlotLocks(channel('locks-2'), 'tab-b', 30);
    const got = await Promise.all([a.claim('same'), b.claim('same')]);
    expect(got.filter(Boolean)).toHaveLength(1);
    channels.splice(0).forEach((c) => c.close());
  });

  it('picks Web Locks, then the channel, then the page alone', async () => {
    const web = browserSlotLocks({ navigator: { locks: manager } });
    expect(await web.claim('pick')).toBe(true);
    expect(await webSlotLocks(manager).claim('pick')).toBe(false);
    web.release('pick');
    const solo = browserSlotLocks({});
    expect(await solo.claim('x')).toBe(true);
    expect(await soloSlotLocks().claim('x')).toBe(true);
    expect(await solo.heldElsewhere()).toEqual(new Set());
    const made: string[] = [];
    browserSlotLocks({
      BroadcastChannel: class {
        constructor(name: string) {
          made.push(name);
        }
        postMessage() {}
        addEventListener() {}
      },
    });
    expect(made).toEqual(['marketing-and-sales.slots']);
  });
});
