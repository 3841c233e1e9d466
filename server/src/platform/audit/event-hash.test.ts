import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, eventHash, GENESIS, type HashableEvent } from './event-hash.js';

const event: HashableEvent = {
  municipality_id: 'm',
  event_id: 'e',
  occurred_at: new Date('2026-11-26T00:00:00.123Z'),
  actor_user_id: null,
  actor_login: 'admin',
  action: 'user.create',
  outcome: 'success',
  target_type: 'user_account',
  target_id: 't',
  basis: '役割: 市町村管理者',
  purpose: null,
  request_id: 'r',
  client_addr: '127.0.0.1',
  details: { b: 1, a: [1, { d: 2, c: 3 }] },
};

describe('audit hashing', () => {
  it('is independent of key order and of how the timestamp arrives', () => {
    expect(eventHash({ ...event, details: { a: [1, { c: 3, d: 2 }], b: 1 } })).toBe(eventHash(event));
    expect(eventHash({ ...event, occurred_at: '2026-11-26T09:00:00.123+09:00' })).toBe(eventHash(event));
  });
  it('changes when any field changes', () => {
    for (const key of Object.keys(event) as Array<keyof HashableEvent>) {
      const changed = { ...event, [key]: key === 'occurred_at' ? new Date(0) : key === 'details' ? { x: 1 } : 'other' };
      expect(eventHash(changed), key).not.toBe(eventHash(event));
    }
  });
  it('canonical JSON round-trips to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
  it('chains depend on the previous link and the position', () => {
    const h = eventHash(event);
    expect(chainHash(GENESIS, h, 1)).not.toBe(chainHash(GENESIS, h, 2));
    expect(chainHash(chainHash(GENESIS, h, 1), h, 2)).not.toBe(chainHash(GENESIS, h, 2));
  });
});
