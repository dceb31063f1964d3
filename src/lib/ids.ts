import { randomBytes } from 'node:crypto';

/**
 * KSUIDs, the ID format ConductorOne uses: 4 bytes of seconds since 2014-05-13 followed by 16 random
 * bytes, written as 27 base62 characters. They sort by creation second, so ordering by ID is ordering
 * by age (CONTRACT.md §7.8).
 */
const EPOCH_SECONDS = 1_400_000_000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 27;
const POOL_SIZE = 16 * 1024;

let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function random16(): Buffer {
  if (poolOffset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

const PAYLOAD_MAX = (1n << 128n) - 1n;
let lastSeconds = -1;
let lastPayload = 0n;

/**
 * A new KSUID. Within one process IDs strictly increase, also within a second (the payload of a
 * later ID in the same second is the previous one plus a random step), so ordering by ID is
 * creation order for everything one process writes.
 */
export function newId(nowMs: number = Date.now()): string {
  const seconds = Math.max(Math.floor(nowMs / 1000) - EPOCH_SECONDS, lastSeconds);
  const random = BigInt(`0x${random16().toString('hex')}`);
  let payload = random;
  if (seconds === lastSeconds) {
    payload = lastPayload + 1n + (random >> 96n);
    if (payload > PAYLOAD_MAX) payload = random;
  }
  lastSeconds = seconds;
  lastPayload = payload;
  let value = (BigInt(seconds >>> 0) << 128n) | payload;
  const chars: string[] = new Array(LENGTH);
  for (let i = LENGTH - 1; i >= 0; i--) {
    chars[i] = ALPHABET[Number(value % 62n)] as string;
    value /= 62n;
  }
  return chars.join('');
}

const ID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
