import { v7 } from 'uuid';

/** Deterministic pseudo-random source (mulberry32): the same seed always builds the same municipality. */
export class SeededRandom {
  private state: number;
  private idCounter = 0;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A UUIDv7 whose time and random parts come from the seed, so ids are reproducible too. */
  uuid(epochMs: number): string {
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i++) random[i] = this.int(256);
    this.idCounter += 1;
    return v7({ msecs: epochMs + this.idCounter, random });
  }
}
