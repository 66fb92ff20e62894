// Every chance decision of the simulators (injected faults, decisions, delivery failures) draws from a seeded
// generator, so a run with the same seed and the same order of requests decides the same way and a failing
// test can be replayed.

/** A source of numbers in [0, 1), like Math.random. */
export type Random = () => number;

/** mulberry32: tiny and fast; statistical quality is ample for deciding faults. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True with probability `p`; draws nothing when the answer is certain, so a rate of 0 or 1 does not shift the sequence. */
export function chance(random: Random, p: number): boolean {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return random() < p;
}
