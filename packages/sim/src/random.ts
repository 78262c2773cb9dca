/** A seeded source of uniform numbers in [0, 1). */
export interface Random {
  next(): number;
}

/** One step of splitmix32: spreads a seed (or a seed plus an index) over 32 bits. */
export function mixSeed(seed: number, index = 0): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A mulberry32 generator whose 32-bit state can be read and set, so that a
 * simulation keeps one stream per case (common random numbers) in a typed
 * array.
 */
export class StreamRandom implements Random {
  state: number;

  constructor(seed: number) {
    this.state = mixSeed(seed) >>> 0;
  }

  next(): number {
    const s = (this.state + 0x6d2b79f5) | 0;
    this.state = s >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * A seeded random source (mulberry32): the same seed gives the same numbers.
 *
 * @example
 * const random = createRandom(42);
 * random.next(); // a number in [0, 1), the same for every run with seed 42
 */
export function createRandom(seed: number): Random {
  return new StreamRandom(seed);
}
