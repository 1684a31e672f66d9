// A stable hash of any JSON-able value: keys sorted, numbers in JavaScript's own shortest
// round-trip form (identical in every engine), folded with 32-bit FNV-1a twice over to a
// 16-hex-digit digest. The same state gives the same hash in Node and in the browser.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`cannot hash non-finite number ${value}`);
      // A finite number's JSON form is its shortest round-trip string ("0" for -0 as well).
      return '' + value;
    }
    if (typeof value === 'string') return quote(value);
    return JSON.stringify(value) ?? 'null';
  }
  // Built by appending rather than map/join, with each object's sorted key order and quoted
  // keys looked up once per shape (keyOrder): the hash of a final state took ~0.35 ms before,
  // most of the replay budget. The text is the same, character for character.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      // A hole stays empty, as Array.prototype.map + join left it.
      if (item !== undefined || i in value) out += canonicalJson(item);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const order = keyOrder(Object.keys(record));
  const keys = order.sorted;
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]!];
    if (item === undefined) continue;
    if (!first) out += ',';
    out += order.prefixes[i]! + canonicalJson(item);
    first = false;
  }
  return out + '}';
}

/** JSON.stringify of a string, without the call for the common case of nothing to escape. */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return '"' + text + '"';
}

/** An object's keys in sorted order, each with its `"key":` prefix. */
interface KeyOrder {
  /** The keys in the order Object.keys gave them, to recognise the next object of this shape. */
  seen: string[];
  sorted: string[];
  prefixes: string[];
}

/** Key orders by first key; bounded, so hashing arbitrary data cannot grow it without end. */
const keyOrders = new Map<string, KeyOrder[]>();
let keyOrderCount = 0;
const MAX_KEY_ORDERS = 2000;

function keyOrder(keys: string[]): KeyOrder {
  const first = keys.length > 0 ? keys[0]! : '';
  const candidates = keyOrders.get(first);
  if (candidates !== undefined) {
    for (let c = 0; c < candidates.length; c++) {
      const seen = candidates[c]!.seen;
      if (seen.length !== keys.length) continue;
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = seen[i] === keys[i];
      if (same) return candidates[c]!;
    }
  }
  const sorted = keys.slice().sort();
  const order: KeyOrder = { seen: keys, sorted, prefixes: sorted.map((k) => `${JSON.stringify(k)}:`) };
  if (keyOrderCount < MAX_KEY_ORDERS) {
    keyOrderCount++;
    if (candidates !== undefined) candidates.push(order);
    else keyOrders.set(first, [order]);
  }
  return order;
}

export function hashString(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function hashValue(value: unknown): string {
  return hashString(canonicalJson(value));
}
