import { v7 } from 'uuid';

/** New record id: UUIDv7 (time-ordered, so B-tree inserts stay local). Generated in app code. */
export function newId(): string {
  return v7();
}
