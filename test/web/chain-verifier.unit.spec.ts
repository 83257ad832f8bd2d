import { generateCheckpointKeys, signCheckpoint } from '../../libs/ledger/src/integrity/checkpoint';
import { canonicalJson as serverCanonicalJson } from '../../libs/ledger/src/integrity/canonical-json';
import { chainHash as serverChainHash, type Unhashed } from '../../libs/ledger/src/integrity/hash-chain';
import { verifyChain as serverVerifyChain, type VerifyResult } from '../../libs/ledger/src/integrity/verify-chain';
import { GENESIS_HASH, type StoredEvent } from '../../libs/ledger/src/ports/event-store.port';
import {
  canonicalJson,
  parseCheckpoint,
  verifyChain,
  verifyCheckpointSignature,
  type ChainCheck,
  type Subtle,
} from '../../apps/web/src/integrity/chain-verifier';

// Node's WebCrypto: the same interface the browser's crypto.subtle offers.
const subtle = globalThis.crypto.subtle as unknown as Subtle;
const STREAMS = ['allocation-LC', 'allocation-PT', 'disbursement-D1'];

/** Events as the server chains them (its own chainHash), with the fields a ledger's events carry. */
function serverChain(count: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const e: Unhashed = {
      position: i + 1,
      id: `evt-${i}`,
      streamId: STREAMS[i % 3]!,
      revision: Math.floor(i / 3),
      type: i % 2 ? 'DisbursementRecorded' : 'AllocationGranted',
      schemaVersion: 1 + (i % 2),
      data: { amount: 1_000_000_000 * (i + 1), payee: 'Hộ ông Lò Văn Pả', nested: { z: [1, null, 'x'], a: -i * 1.5 }, unit: 'PHONG-THO' },
      metadata: {
        actor: { userId: 'pt-finance', role: 'finance_officer' },
        recordedAt: new Date(Date.UTC(2022, 8, 15, 8, i)).toISOString(),
        correlationId: `c-${i}`,
        causationId: null,
        idempotencyKey: i % 4 ? null : `k-${i}`,
        decision: i % 5 ? null : { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' },
        reason: i === 7 ? 'voucher UNC-002 posted twice' : null,
        requestHash: null,
      },
    };
    prev = serverChainHash(prev, e);
    out.push({ ...e, hash: prev });
  }
  return out;
}

/** What the API answers: JSON, in pages. */
async function* pages(events: readonly StoredEvent[], size = 7) {
  const wire = JSON.parse(JSON.stringify(events)) as StoredEvent[];
  for (let i = 0; i < wire.length; i += size) yield wire.slice(i, i + size);
}
async function* one(events: readonly StoredEvent[]) {
  yield* events;
}

/** The two verifiers' verdicts side by side: where, and what kind of break. */
const verdict = (r: VerifyResult | ChainCheck) =>
  r.ok
    ? { ok: true, position: r.head.position }
    : {
        ok: false,
        position: 'problem' in r && typeof r.problem === 'object' ? r.problem.position : (r as { position: number }).position,
        kind: typeof r.problem === 'object' ? r.problem.kind : (r as { kind: string }).kind,
      };

async function both(events: StoredEvent[], since?: { position: number; hash: string }) {
  const server = await serverVerifyChain(one(events), since ? { since } : {});
  const browser = await verifyChain(subtle, pages(events), since);
  return { server: verdict(server), browser: verdict(browser), raw: browser };
}

const rehash = (events: StoredEvent[], from: number): StoredEvent[] => {
  let prev = from === 0 ? GENESIS_HASH : events[from - 1]!.hash;
  return events.map((e, i) => {
    if (i < from) return e;
    prev = serverChainHash(prev, e);
    return { ...e, hash: prev };
  });
};

describe('the console’s chain verifier against the server’s chains', () => {
  it('encodes canonical JSON byte for byte as the server does', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      1e21,
      'Hộ nghèo "quoted" \\ \u2028 \ud83d\ude00',
      [1, undefined, { b: 2, a: 1 }],
      { b: 1, a: { d: [1, undefined, 'x'], c: null, e: undefined }, B: 2, é: 3, _: 4, '10': 5, '9': 6 },
      {},
      [],
      serverChain(3),
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(serverCanonicalJson(v));
  });

  it('finds an intact chain intact, to the same head', async () => {
    const events = serverChain(20);
    const r = await both(events);
    expect(r.browser).toEqual({ ok: true, position: 20 });
    expect(r.raw).toEqual({ ok: true, head: { position: 20, hash: events[19]!.hash }, events: 20 });
    expect(r.server).toEqual(r.browser);
  });

  it('reports a changed amount at its position, as the server does', async () => {
    const events = serverChain(20);
    events[6] = { ...events[6]!, data: { ...events[6]!.data, amount: 1 } };
    const r = await both(events);
    expect(r.browser).toEqual({ ok: false, position: 7, kind: 'hash_mismatch' });
    expect(r.server).toEqual(r.browser);
    expect(r.raw).toMatchObject({ intactUpTo: 6, events: 6, problem: { id: 'evt-6', streamId: 'allocation-LC', stored: events[6]!.hash } });
  });

  it('reports a broken link (a stored hash changed), as the server does', async () => {
    const events = serverChain(20);
    events[9] = { ...events[9]!, hash: 'f'.repeat(64) };
    const r = await both(events);
    expect(r.browser).toEqual({ ok: false, position: 10, kind: 'hash_mismatch' });
    expect(r.server).toEqual(r.browser);
  });

  it('names rows removed, moved or duplicated as the server does, even when re-chained', async () => {
    const base = serverChain(20);
    const removed = base.filter((e) => e.position !== 5);
    const swapped = base.map((e, i) => (i === 3 ? base[4]! : i === 4 ? base[3]! : e));
    const renumbered = rehash(
      removed.map((e, i) => ({ ...e, position: i + 1 })),
      4,
    );
    const duplicated = [...base.slice(0, 10), { ...base[6]!, position: 11 }, ...base.slice(10).map((e) => ({ ...e, position: e.position + 1 }))];
    const valueChanged = base.map((e) => (e.position === 12 ? { ...e, metadata: { ...e.metadata, reason: 'edited' } } : e));
    for (const [name, events, expected] of [
      ['removed', removed, { ok: false, position: 5, kind: 'position_gap' }],
      ['swapped', swapped, { ok: false, position: 4, kind: 'position_gap' }],
      ['swapped back', base.map((e, i) => (i === 4 ? base[3]! : e)), { ok: false, position: 4, kind: 'position_order' }],
      ['renumbered and re-chained', renumbered, { ok: false, position: 7, kind: 'revision_gap' }],
      ['duplicated', rehash(duplicated, 10), { ok: false, position: 11, kind: 'revision_duplicate' }],
      ['metadata edited', valueChanged, { ok: false, position: 12, kind: 'hash_mismatch' }],
    ] as const) {
      const r = await both([...events]);
      expect([name, r.browser]).toEqual([name, expected]);
      expect([name, r.server]).toEqual([name, r.browser]);
    }
  });

  it('with a checkpoint, catches a log rewritten and re-chained, or cut short, as the server does', async () => {
    const events = serverChain(20);
    const since = { position: 20, hash: events[19]!.hash };
    expect((await both(events, since)).browser).toEqual({ ok: true, position: 20 });

    const rewritten = rehash(
      events.map((e) => (e.position === 7 ? { ...e, data: { ...e.data, amount: 1 } } : e)),
      6,
    );
    const plain = await both(rewritten);
    expect([plain.server, plain.browser]).toEqual([
      { ok: true, position: 20 },
      { ok: true, position: 20 },
    ]);
    const caught = await both(rewritten, since);
    expect(caught.browser).toEqual({ ok: false, position: 20, kind: 'checkpoint_mismatch' });
    expect(caught.server).toEqual(caught.browser);

    const cut = await both(events.slice(0, 17), since);
    expect(cut.browser).toEqual({ ok: false, position: 18, kind: 'truncated' });
    expect(cut.server).toEqual(cut.browser);
    expect(cut.raw).toMatchObject({ intactUpTo: 17, problem: { last: 17, checkpoint: 20 } });
  });

  it('reports progress after each page', async () => {
    const seen: number[] = [];
    await verifyChain(subtle, pages(serverChain(20), 8), undefined, (p) => seen.push(p));
    expect(seen).toEqual([8, 16, 20]);
  });
});

describe('the console’s checkpoint check (WebCrypto Ed25519) against `ledger checkpoint sign`', () => {
  const keys = generateCheckpointKeys();
  const head = { position: 42, hash: 'c'.repeat(64) };
  const signed = () => parseCheckpoint(JSON.stringify(signCheckpoint(head, keys.privateKey, new Date('2026-12-01T10:00:00.000Z')), null, 2));

  it('accepts a checkpoint the CLI signed, against the inspector’s public key', async () => {
    const cp = signed();
    expect(cp).toMatchObject({ position: 42, hash: head.hash, algorithm: 'Ed25519' });
    expect(await verifyCheckpointSignature(subtle, cp as never, keys.publicKey)).toEqual({ ok: true });
  });

  it('refuses any altered field, another key, and what is not a key or a checkpoint', async () => {
    const cp = signed() as Exclude<ReturnType<typeof signed>, string>;
    for (const altered of [
      { position: 43 },
      { hash: 'd'.repeat(64) },
      { signedAt: '2026-12-01T10:00:01.000Z' },
      { signature: btoa(String.fromCharCode(...new Uint8Array(64))) },
    ]) {
      expect(await verifyCheckpointSignature(subtle, { ...cp, ...altered }, keys.publicKey)).toEqual({ ok: false, problem: 'bad_signature' });
    }
    const other = generateCheckpointKeys();
    expect(await verifyCheckpointSignature(subtle, cp, other.publicKey)).toEqual({ ok: false, problem: 'different_key' });
    // Someone who re-signs with their own key and ships it in the file still fails against the inspector's key.
    const forged = signCheckpoint(head, other.privateKey);
    expect(await verifyCheckpointSignature(subtle, forged, keys.publicKey)).toEqual({ ok: false, problem: 'different_key' });
    expect(await verifyCheckpointSignature(subtle, { ...forged, publicKey: keys.publicKey }, keys.publicKey)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(await verifyCheckpointSignature(subtle, cp, 'not a key')).toEqual({ ok: false, problem: 'key_unreadable' });
    expect(await verifyCheckpointSignature(subtle, cp, keys.privateKey)).toEqual({ ok: false, problem: 'key_unreadable' });
    expect(parseCheckpoint('{')).toBe('not_json');
    expect(parseCheckpoint('{"position":1}')).toBe('not_checkpoint');
    expect(parseCheckpoint(JSON.stringify({ ...cp, algorithm: 'RSA' }))).toBe('not_checkpoint');
  });
});
