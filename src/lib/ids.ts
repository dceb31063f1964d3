import { randomBytes } from 'node:crypto';

/**
 * KSUIDs, the ID format ConductorOne uses: 4 bytes of seconds since 2014-05-13 followed by 16 random
 * bytes, written as 27 base62 characters. They sort by creation second, so ordering by ID is ordering
 * by age (CONTRACT.md §7.8).
 *
 * The 160-bit value is kept as five 32-bit words and encoded by long division, without BigInt: bulk
 * actions make several IDs per user, and BigInt arithmetic was a fifth of their CPU time.
 */
const EPOCH_SECONDS = 1_400_000_000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const POOL_SIZE = 16 * 1024;

let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function randomWord(): number {
  if (poolOffset + 4 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  poolOffset += 4;
  return pool.readUInt32BE(poolOffset - 4);
}

let lastSeconds = -1;
/** The payload of the last ID: eight big-endian 16-bit words. */
const payload = new Uint16Array(8);

/** Adds `step` (< 2^16) to the payload; false when it overflowed 128 bits. */
function addToPayload(step: number): boolean {
  let carry = step;
  for (let i = 7; i >= 0 && carry > 0; i--) {
    const sum = (payload[i] as number) + carry;
    payload[i] = sum & 0xffff;
    carry = sum >>> 16;
  }
  return carry === 0;
}

function randomPayload(): void {
  for (let i = 0; i < 8; i += 2) {
    const word = randomWord();
    payload[i] = word >>> 16;
    payload[i + 1] = word & 0xffff;
  }
}

/** The 160-bit value in 16-bit words, so every step of the long division stays within int32. */
const words = new Uint16Array(10);
const PAIRS: string[] = [];
for (let i = 0; i < 62 * 62; i++)
  PAIRS.push((ALPHABET[Math.floor(i / 62)] as string) + (ALPHABET[i % 62] as string));

/**
 * A new KSUID. Within one process IDs strictly increase, also within a second (the payload of a
 * later ID in the same second is the previous one plus a random step), so ordering by ID is
 * creation order for everything one process writes.
 */
export function newId(nowMs: number = Date.now()): string {
  const seconds = Math.max(Math.floor(nowMs / 1000) - EPOCH_SECONDS, lastSeconds);
  if (seconds !== lastSeconds || !addToPayload(1 + (randomWord() & 0xffff))) randomPayload();
  lastSeconds = seconds;

  words[0] = seconds >>> 16;
  words[1] = seconds & 0xffff;
  words.set(payload, 2);
  return encodeWords();
}

/** The KSUID text of 20 raw bytes (4 of seconds, 16 of payload). */
export function encodeKsuid(bytes: Uint8Array): string {
  for (let i = 0; i < 10; i++) words[i] = ((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number);
  return encodeWords();
}

/** Base62 of `words`, which it consumes. */
function encodeWords(): string {
  // Two digits (one division by 62²) at a time, least significant first: 28 digits, of which the
  // first is always 0 for a 160-bit value.
  let text = '';
  for (let round = 0; round < 14; round++) {
    let remainder = 0;
    for (let i = 0; i < 10; i++) {
      const value = (remainder << 16) | (words[i] as number);
      const quotient = (value / 3844) | 0;
      words[i] = quotient;
      remainder = value - quotient * 3844;
    }
    text = (PAIRS[remainder] as string) + text;
  }
  return text.slice(1);
}

const ID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
