// Seeded randomness and ids for the synthetic dataset. Nothing here reads the
// clock or Math.random: the same seed gives the same numbers, names and ids.

/** FNV-1a: a stable 32-bit hash of a short string (stream and table names). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a bijection on 32-bit words with good avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of
 * state and a counter, so no short cycles, and much faster than a hash per draw.
 * Each part of the dataset draws from its own stream, so a change in one
 * table's draws does not shift every later table.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream: string) {
    const s = hashString(stream);
    this.a = fmix32(seed ^ 0x9e3779b9);
    this.b = fmix32(s ^ 0x243f6a88);
    this.c = fmix32((seed + s) ^ 0xb7e15162);
    // Warm-up: the first outputs of a fresh sfc32 state are still correlated with the seed.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** An index drawn by the weights whose running sums are `cumulative`. */
  weighted(cumulative: Float64Array): number {
    const target = this.float() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Integers spread evenly on a log scale: casualty figures are mostly small, sometimes large. */
  logInt(min: number, max: number): number {
    return Math.min(max, Math.floor(Math.exp(Math.log(min) + this.float() * (Math.log(max + 1) - Math.log(min)))));
  }

  /** Rounded to `digits` decimals, so the stored float8 prints the same everywhere. */
  round(value: number, digits: number): number {
    const scale = 10 ** digits;
    return Math.round(value * scale) / scale;
  }
}

/** Running sums of Zipf weights 1/(rank+1)^exponent: a few items get most of the picks. */
export function zipfCumulative(count: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += 1 / (i + 1) ** exponent;
    cumulative[i] = total;
  }
  return cumulative;
}

/** Running sums of arbitrary weights. */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    total += weight;
    cumulative[i] = total;
  });
  return cumulative;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(word: number): string {
  return HEX[word >>> 24] + HEX[(word >>> 16) & 255] + HEX[(word >>> 8) & 255] + HEX[word & 255];
}

/**
 * Ids for one table: a v4-shaped UUID hashed from (seed, table, index). The
 * first word is a bijection of the index, so ids never collide within a table,
 * and any run can recompute the ids of another run's rows (how `replace` finds
 * the shared rows of an earlier seed).
 */
export function uuidFactory(seed: number, table: string): (index: number) => string {
  const base = fmix32(seed ^ Math.imul(hashString(table), 0x9e3779b1));
  const offset = fmix32(base ^ 0x1b873593);
  return (index) => {
    const w0 = fmix32((index + offset) >>> 0);
    const w1 = fmix32(w0 ^ base ^ 0x68e31da4);
    const w2 = fmix32((w1 + 0x2545f491) ^ base);
    const w3 = fmix32(w2 ^ index ^ 0x5bd1e995);
    const h1 = hex32(((w1 & 0xffff0fff) | 0x00004000) >>> 0); // version 4
    const h2 = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0); // RFC 4122 variant
    const h0 = hex32(w0);
    return `${h0}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${hex32(w3)}`;
  };
}

// ───────────────────────── names ─────────────────────────

const ONSETS = ["b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh", "zh", "ch", "kh", "br", "tr", "kr", "ar", "al", "er", "or", "ul", "as", "ak"];
const VOWELS = ["a", "a", "e", "i", "o", "u", "y", "ai", "ia", "ou"];
const CODAS = ["", "", "", "n", "r", "k", "l", "m", "t", "s", "sh", "rd", "nt", "sk"];

/** A pronounceable made-up word of 2-3 syllables, capitalised ("Karabek"). ASCII only: quote offsets stay simple. */
export function syllableName(random: Random, minSyllables = 2, maxSyllables = 3): string {
  const syllables = random.int(minSyllables, maxSyllables);
  let word = "";
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : "");
  return word[0].toUpperCase() + word.slice(1);
}
