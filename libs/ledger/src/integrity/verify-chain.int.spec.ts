import Database from 'better-sqlite3';
import { generateCheckpointKeys, signCheckpoint, verifyCheckpoint } from './checkpoint';
import { GENESIS_HASH, type StoredEvent } from '../ports/event-store.port';
import { chainHash } from './hash-chain';
import { verifyChain, type VerifyOptions, type VerifyResult } from './verify-chain';
import {
  EVENT_COUNT,
  appendEvents,
  insertRow,
  makeRoomAt,
  openStore,
  rechain,
  swapPositions,
  tamper,
  tempLedger,
  type TempLedger,
} from './tamper-fixture.spec';

async function verifyFile(file: string, options?: VerifyOptions): Promise<VerifyResult> {
  const store = openStore(file);
  try {
    return await verifyChain(store, options);
  } finally {
    await store.close();
  }
}

function expectBroken(result: VerifyResult, position: number, kind: string): void {
  expect(result).toMatchObject({ ok: false, position, kind });
}

describe('verifyChain on a SQLite ledger tampered with behind its back', () => {
  let ledger: TempLedger;
  let events: StoredEvent[];

  beforeEach(async () => {
    ledger = tempLedger();
    events = await appendEvents(ledger.file);
  });
  afterEach(() => ledger.remove());

  it('accepts the log as written', async () => {
    expect(events.map((e) => e.position)).toEqual(Array.from({ length: EVENT_COUNT }, (_, i) => i + 1));
    const result = await verifyFile(ledger.file);
    expect(result).toEqual({ ok: true, head: { position: EVENT_COUNT, hash: events[EVENT_COUNT - 1]!.hash }, events: EVENT_COUNT });
  });

  it('accepts an empty ledger', async () => {
    const empty = tempLedger();
    try {
      await appendEvents(empty.file, 0);
      expect(await verifyFile(empty.file)).toEqual({ ok: true, head: { position: 0, hash: GENESIS_HASH }, events: 0 });
    } finally {
      empty.remove();
    }
  });

  it('the triggers refuse edits through an ordinary connection', () => {
    expect(() => untouched(ledger.file, (db) => db.prepare("UPDATE events SET type = 'X' WHERE position = 1").run())).toThrow(/immutable/);
    expect(() => untouched(ledger.file, (db) => db.prepare('DELETE FROM events WHERE position = 1').run())).toThrow(/permanent/);
  });

  it('names the row whose data was edited', async () => {
    tamper(ledger.file, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 7").run());
    const result = await verifyFile(ledger.file);
    expectBroken(result, 7, 'hash_mismatch');
    expect(result).toMatchObject({ events: 6 });
  });

  it('names the row whose metadata was edited', async () => {
    tamper(ledger.file, (db) => db.prepare("UPDATE events SET metadata = json_set(metadata, '$.actor.userId', 'u-someone-else') WHERE position = 13").run());
    expectBroken(await verifyFile(ledger.file), 13, 'hash_mismatch');
  });

  it('names the row whose stored hash was replaced', async () => {
    tamper(ledger.file, (db) => db.prepare('UPDATE events SET hash = ? WHERE position = 4').run('f'.repeat(64)));
    expectBroken(await verifyFile(ledger.file), 4, 'hash_mismatch');
  });

  it('names a deleted row', async () => {
    tamper(ledger.file, (db) => db.prepare('DELETE FROM events WHERE position = 12').run());
    const result = await verifyFile(ledger.file);
    expectBroken(result, 12, 'position_gap');
    expect(result.ok || result.problem).toMatch(/position 12 is missing/);
  });

  it('names the first of several deleted rows', async () => {
    tamper(ledger.file, (db) => db.prepare('DELETE FROM events WHERE position BETWEEN 3 AND 5').run());
    expectBroken(await verifyFile(ledger.file), 3, 'position_gap');
  });

  it('names the first row when the log no longer starts at 1', async () => {
    tamper(ledger.file, (db) => db.prepare('DELETE FROM events WHERE position = 1').run());
    expectBroken(await verifyFile(ledger.file), 1, 'position_gap');
  });

  it('names a forged row appended with a made-up hash', async () => {
    const last = events[EVENT_COUNT - 1]!;
    tamper(ledger.file, (db) =>
      insertRow(db, {
        ...last,
        id: 'evt-forged',
        position: EVENT_COUNT + 1,
        streamId: 'test-z',
        revision: 0,
        data: { seq: 99, amount: 5e9 },
        hash: 'a'.repeat(64),
      }),
    );
    expectBroken(await verifyFile(ledger.file), EVENT_COUNT + 1, 'hash_mismatch');
  });

  it('names a forged row slipped into the middle of the log', async () => {
    tamper(ledger.file, (db) => {
      makeRoomAt(db, 11);
      const forged = { ...events[10]!, id: 'evt-forged', position: 11, streamId: 'test-z', revision: 0, data: { seq: 99, amount: 5e9 } };
      insertRow(db, { ...forged, hash: chainHash(events[9]!.hash, forged) });
    });
    // The forged row links correctly to 10; the row pushed from 11 to 12 no longer does.
    expectBroken(await verifyFile(ledger.file), 12, 'hash_mismatch');
  });

  it('names a forged row that skips revisions of a stream even when every hash is recomputed', async () => {
    tamper(ledger.file, (db) => {
      makeRoomAt(db, 11);
      // test-a is at revision 2 by position 10; a forged revision 7 is free under UNIQUE (stream_id, revision).
      insertRow(db, { ...events[10]!, id: 'evt-forged', position: 11, streamId: 'test-a', revision: 7, hash: '0'.repeat(64) });
      rechain(db, 11);
    });
    const result = await verifyFile(ledger.file);
    expectBroken(result, 11, 'revision_gap');
    expect(result.ok || result.problem).toMatch(/stream 'test-a' goes from revision 2 to revision 7, expected 3/);
  });

  it('names the first of two rows whose positions were swapped (same stream)', async () => {
    // positions 5 and 9 are test-a revisions 1 and 2
    tamper(ledger.file, (db) => swapPositions(db, 5, 9));
    expectBroken(await verifyFile(ledger.file), 5, 'revision_gap');
  });

  it('names the first of two rows whose positions were swapped (different streams)', async () => {
    tamper(ledger.file, (db) => swapPositions(db, 6, 7));
    expectBroken(await verifyFile(ledger.file), 6, 'hash_mismatch');
  });

  it('names a swap within a stream even when every hash is recomputed', async () => {
    tamper(ledger.file, (db) => {
      swapPositions(db, 5, 9);
      rechain(db, 5);
    });
    expectBroken(await verifyFile(ledger.file), 5, 'revision_gap');
  });

  it('names a row the store can no longer decode', async () => {
    tamper(ledger.file, (db) => db.prepare("UPDATE events SET data = '{not json' WHERE position = 8").run());
    expectBroken(await verifyFile(ledger.file), 8, 'unreadable');
  });

  it('reads in pages of any size', async () => {
    const store = openStore(ledger.file);
    try {
      for (const pageSize of [1, 3, 19, 20, 5000]) {
        expect(await verifyChain(store, { pageSize })).toMatchObject({ ok: true, events: EVENT_COUNT });
      }
    } finally {
      await store.close();
    }
  });

  describe('with a signed checkpoint', () => {
    const keys = generateCheckpointKeys();

    it('signs, verifies, and the log verifies since it (also after more appends)', async () => {
      const checkpoint = signCheckpoint({ position: 15, hash: events[14]!.hash }, keys.privateKey);
      expect(verifyCheckpoint(checkpoint, keys.publicKey)).toMatchObject({ ok: true, trustedKey: true });
      await appendEvents(ledger.file, 4, EVENT_COUNT);
      expect(await verifyFile(ledger.file, { since: checkpoint })).toMatchObject({ ok: true, events: EVENT_COUNT + 4 });
    });

    it('catches a log rewritten and re-chained before the checkpoint, which the chain alone cannot', async () => {
      const checkpoint = signCheckpoint({ position: 15, hash: events[14]!.hash }, keys.privateKey);
      tamper(ledger.file, (db) => {
        db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 7").run();
        rechain(db, 7);
      });
      expect(await verifyFile(ledger.file)).toMatchObject({ ok: true });
      const result = await verifyFile(ledger.file, { since: checkpoint });
      expectBroken(result, 15, 'checkpoint_mismatch');
    });

    it('still names an edit before the checkpoint that was not re-chained', async () => {
      const checkpoint = signCheckpoint({ position: 15, hash: events[14]!.hash }, keys.privateKey);
      tamper(ledger.file, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 7").run());
      expectBroken(await verifyFile(ledger.file, { since: checkpoint }), 7, 'hash_mismatch');
    });

    it('catches a log cut short below the checkpoint, which the chain alone cannot', async () => {
      const checkpoint = signCheckpoint({ position: EVENT_COUNT, hash: events[EVENT_COUNT - 1]!.hash }, keys.privateKey);
      tamper(ledger.file, (db) => db.prepare('DELETE FROM events WHERE position >= 18').run());
      expect(await verifyFile(ledger.file)).toMatchObject({ ok: true, events: 17 });
      expectBroken(await verifyFile(ledger.file, { since: checkpoint }), 18, 'truncated');
    });

    it('refuses a checkpoint whose signature, position or hash was altered', () => {
      const checkpoint = signCheckpoint({ position: 15, hash: events[14]!.hash }, keys.privateKey);
      const sig = Buffer.from(checkpoint.signature, 'base64');
      sig[0] = sig[0]! ^ 0xff;
      expect(verifyCheckpoint({ ...checkpoint, signature: sig.toString('base64') }, keys.publicKey)).toMatchObject({ ok: false });
      expect(verifyCheckpoint({ ...checkpoint, signature: sig.toString('base64') })).toMatchObject({ ok: false });
      expect(verifyCheckpoint({ ...checkpoint, position: 14 }, keys.publicKey)).toMatchObject({ ok: false });
      expect(verifyCheckpoint({ ...checkpoint, hash: events[13]!.hash }, keys.publicKey)).toMatchObject({ ok: false });
    });

    it('refuses a checkpoint re-signed with another key when the trusted key is given', () => {
      const other = generateCheckpointKeys();
      const forged = signCheckpoint({ position: 15, hash: 'b'.repeat(64) }, other.privateKey);
      expect(verifyCheckpoint(forged)).toMatchObject({ ok: true, trustedKey: false });
      expect(verifyCheckpoint(forged, keys.publicKey)).toMatchObject({ ok: false, problem: expect.stringMatching(/different key/) });
    });
  });
});

function untouched(file: string, act: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    act(db);
  } finally {
    db.close();
  }
}
