import { canonicalJson } from './canonical-json';
import { chainHash, chainHashOfCanonical, type Unhashed } from './hash-chain';

const event = (i: number): Unhashed => ({
  position: i + 1,
  id: `e-"${i}"\u00e9`,
  streamId: `allocation-A${i % 3}`,
  revision: i,
  type: i % 2 ? 'DisbursementRecorded' : 'AllocationGranted',
  schemaVersion: 1 + (i % 2),
  data: { z: i, a: [3, { y: null, b: 'Hộ ông Lò Văn' }, undefined], nested: { k: { j: -i * 1.5 } }, skipped: undefined },
  metadata: {
    actor: { userId: 'u', role: 'finance_officer' },
    recordedAt: '2025-12-20T09:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: i % 2 ? null : { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' },
    reason: null,
  },
});

describe('chain hash', () => {
  it('canonical JSON sorts keys at every depth and drops undefined members as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: null, e: undefined } })).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}');
    expect(JSON.parse(canonicalJson(event(1).data))).toEqual(JSON.parse(JSON.stringify(event(1).data)));
  });

  it('is the same whether computed from the event or from its canonical data and metadata', () => {
    let prev = '0'.repeat(64);
    for (let i = 0; i < 20; i++) {
      const e = event(i);
      const fast = chainHashOfCanonical(prev, e, canonicalJson(e.data), canonicalJson(e.metadata));
      expect(fast).toBe(chainHash(prev, e));
      prev = fast;
    }
  });

  it('changes with every hashed field', () => {
    const e = event(4);
    const base = chainHash('0'.repeat(64), e);
    for (const change of [{ position: 6 }, { id: 'other' }, { streamId: 's' }, { revision: 9 }, { type: 'T' }, { schemaVersion: 7 }, { data: { z: 5 } }]) {
      expect(chainHash('0'.repeat(64), { ...e, ...change })).not.toBe(base);
    }
    expect(chainHash('1'.repeat(64), e)).not.toBe(base);
  });
});
