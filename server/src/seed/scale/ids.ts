/**
 * Fast reproducible UUIDv7 ids for the generated history: the time part counts up from `epochMs`
 * one millisecond per id (so ids are unique and ordered), the 74 random bits come from the seeded
 * stream. Same format as SeededRandom.uuid, at a fraction of its cost (the generator makes millions).
 */
import type { SeededRandom } from '../random.js';

const u32 = (rnd: SeededRandom) => Math.floor(rnd.next() * 4_294_967_296);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export class IdSource {
  private counter = 0;

  constructor(
    private readonly rnd: SeededRandom,
    private readonly epochMs: number,
  ) {}

  next(): string {
    this.counter += 1;
    const time = hex(this.epochMs + this.counter, 12);
    const a = u32(this.rnd);
    const b = u32(this.rnd);
    const c = u32(this.rnd);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(a & 0xfff, 3)}-${hex(0x8000 | ((a >>> 12) & 0x3fff), 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
  }
}
