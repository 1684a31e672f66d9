// Byte-level building blocks shared by heat codes and result codes: Crockford base32, unsigned
// and zigzag varints, CRC-8/CRC-32 and UTF-8. Pure and dependency-free (no node: imports),
// because the same codes are made and checked in Node and in the browser.

/** Crockford's alphabet: no I, L, O or U, so codes survive being read aloud or retyped. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUE_OF = new Map<string, number>();
for (let i = 0; i < CROCKFORD.length; i++) VALUE_OF.set(CROCKFORD[i]!, i);
// Crockford's decoding is forgiving about look-alikes: O reads as 0, I and L as 1.
VALUE_OF.set('O', 0);
VALUE_OF.set('I', 1);
VALUE_OF.set('L', 1);

/** The 0–31 value of a (case-insensitive) symbol, or -1 if it is not one of the alphabet's. */
export function symbolValue(char: string): number {
  return VALUE_OF.get(char.toUpperCase()) ?? -1;
}

/** Bytes as base32, most significant bit first; the last symbol's spare bits are zero. */
export function bytesToBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += CROCKFORD[(buffer << (5 - bits)) & 31];
  return out;
}

export interface Base32Bytes {
  bytes: Uint8Array;
  /** The bits left over after the last whole byte, and how many there are (0–7). */
  spare: number;
  spareBits: number;
}

/** Decodes symbol values (already checked to be 0–31) to whole bytes plus the spare bits. */
export function valuesToBytes(values: readonly number[]): Base32Bytes {
  const bytes = new Uint8Array(Math.floor((values.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (const value of values) {
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (buffer >>> bits) & 0xff;
    }
  }
  return { bytes, spare: buffer & ((1 << bits) - 1), spareBits: bits };
}

/** Number of symbols that carry `byteCount` bytes. */
export function symbolsFor(byteCount: number): number {
  return Math.ceil((byteCount * 8) / 5);
}

// ---------------------------------------------------------------------------------------
// Checksums. CRC-32 (IEEE) catches every burst of up to 32 bits, so any one mistyped symbol
// (5 bits, straddling at most two bytes) is always caught; CRC-8 guards the short length header.

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, initial = 0): number {
  let c = ~initial >>> 0;
  for (const byte of bytes) c = CRC32_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-8 (polynomial 0x07). */
export function crc8(bytes: Uint8Array): number {
  let c = 0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
  }
  return c;
}

// ---------------------------------------------------------------------------------------
// Varints: little-endian base-128 (LEB128). Values stay below 2^35, far inside safe integers,
// and are built with multiplication because bit shifts in JavaScript wrap at 32 bits.

export class ByteWriter {
  private readonly out: number[] = [];

  byte(value: number): void {
    this.out.push(value & 0xff);
  }

  bytes(values: Uint8Array): void {
    for (const b of values) this.out.push(b);
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** 35) throw new RangeError(`varint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.out.push(v);
  }

  /** Signed integers: 0, -1, 1, -2, … map to 0, 1, 2, 3, … so small negatives stay short. */
  zigzag(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  text(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.varint(encoded.length);
    this.bytes(encoded);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** Thrown by ByteReader when the bytes do not parse; callers turn it into a user-facing reason. */
export class MalformedError extends Error {}

export class ByteReader {
  private pos = 0;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.data.length) throw new MalformedError('it ends in the middle of a field');
    return this.data[this.pos++]!;
  }

  bytes(count: number): Uint8Array {
    if (this.pos + count > this.data.length) throw new MalformedError('it ends in the middle of a field');
    const slice = this.data.slice(this.pos, this.pos + count);
    this.pos += count;
    return slice;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        // A final zero byte after others means a padded, non-canonical number: refuse it, so
        // each game has exactly one code.
        if (b === 0 && i > 0) throw new MalformedError('a number is not in its shortest form');
        return value;
      }
      scale *= 0x80;
    }
    throw new MalformedError('a number is too long');
  }

  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  text(maxBytes: number): string {
    const length = this.varint();
    if (length > maxBytes) throw new MalformedError(`a text field is ${length} bytes long (at most ${maxBytes})`);
    const raw = this.bytes(length);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
    } catch {
      throw new MalformedError('a text field is not valid UTF-8');
    }
  }
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
