import { createHash } from 'node:crypto';
import {
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import type { ExpectedRevision, IdempotencyRecord } from '../../../ledger/src/ports/event-store.port';
import { INTERNAL_PREFIX } from './esdb-mapping';

/** A record of a stream the adapter keeps for itself, as far as claims need it. */
export type ClaimRecord = Readonly<{ revision: number; type: string; data: Record<string, unknown>; createdAt: number }>;

export type Claim = Readonly<{ stream: string; revision: number }>;

export type ClaimTiming = Readonly<{
  /** A claim older than this, with nothing done under it, is taken to belong to a dead process. */
  leaseMs: number;
  pollMs: number;
  now: () => number;
}>;

export const KEY_CLAIMED = 'IdempotencyKeyClaimed';
export const KEY_RELEASED = 'IdempotencyKeyReleased';
export const KEY_ANSWERED = 'IdempotencyResponseRecorded';
export const VALUE_RESERVED = 'UniqueValueReserved';
export const VALUE_RELEASED = 'UniqueValueReleased';

export const idempotencyStream = (userId: string, key: string) => `${INTERNAL_PREFIX}idempotency-${sha(`${userId}\u0000${key}`)}`;
export const uniqueStream = (key: string) => `${INTERNAL_PREFIX}unique-${sha(key)}`;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function readClaimStream(client: EventStoreDBClient, stream: string): Promise<ClaimRecord[]> {
  const out: ClaimRecord[] = [];
  try {
    for await (const r of client.readStream(stream, { direction: FORWARDS, fromRevision: BigInt(0) })) {
      if (r.event)
        out.push({
          revision: Number(r.event.revision),
          type: r.event.type,
          data: r.event.data as Record<string, unknown>,
          createdAt: r.event.created.getTime(),
        });
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return out;
}

/** Appends one record under `expected`; false when someone else wrote first. */
export async function appendClaim(
  client: EventStoreDBClient,
  stream: string,
  expected: number | null,
  type: string,
  data: Record<string, unknown>,
): Promise<boolean> {
  const expectedRevision: AppendExpectedRevision = expected === null ? NO_STREAM : BigInt(expected);
  try {
    await client.appendToStream(stream, jsonEvent({ type, data }), { expectedRevision });
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return false;
    throw error;
  }
}

export type ClaimedRequest = Readonly<{ userId: string; key: string; requestHash: string; streamId: string; expected: ExpectedRevision }>;

/**
 * Idempotency keys across processes, on a store that cannot write a key and events in one commit.
 *
 * A key is a stream `ledger-idempotency-<sha256(user, key)>`, written in three steps:
 *   1. `IdempotencyKeyClaimed` {request hash, target stream, expected revision}, appended with the
 *      key stream's expected revision (no_stream, or the revision of a release): of two processes
 *      claiming the same key at once exactly one wins, the other answers as a retry;
 *   2. the command's events, on their own stream under their own expected revision;
 *   3. `IdempotencyResponseRecorded` {response}, or `IdempotencyKeyReleased` if step 2 was refused
 *      (a version conflict: the command runner re-decides and claims again).
 * A retry that finds a claim without an answer waits for it. If the claim outlives the lease, its
 * process is taken to be dead and the retry settles it from the log: if the target stream holds
 * events carrying this key and request hash after the claimed revision, the answer is rebuilt from
 * them (`recoveredResponse`); otherwise the claim is released and the retry runs the command. The
 * settlement is itself an append under the claim's revision, so two retries cannot both settle.
 * Residual window: a process that stalls longer than the lease between steps 1 and 2 and then
 * appends anyway; appends carry a deadline well under the lease to make that unlikely.
 */
export class IdempotencyClaims {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly timing: ClaimTiming,
  ) {}

  /** Step 1; null when another request holds or answered the key. */
  async claim(request: ClaimedRequest): Promise<Claim | null> {
    const stream = idempotencyStream(request.userId, request.key);
    const records = await readClaimStream(this.client, stream);
    const last = records[records.length - 1];
    if (last && last.type !== KEY_RELEASED) return null;
    const expected = last ? last.revision : null;
    const data = { userId: request.userId, key: request.key, requestHash: request.requestHash, streamId: request.streamId, expected: request.expected };
    if (!(await appendClaim(this.client, stream, expected, KEY_CLAIMED, data))) return null;
    return { stream, revision: expected === null ? 0 : expected + 1 };
  }

  release(claim: Claim): Promise<boolean> {
    return appendClaim(this.client, claim.stream, claim.revision, KEY_RELEASED, {});
  }

  answer(claim: Claim, requestHash: string, response: unknown): Promise<boolean> {
    return appendClaim(this.client, claim.stream, claim.revision, KEY_ANSWERED, { requestHash, response });
  }

  /**
   * The stored answer for a key, waiting out a claim in progress. `settle` looks for the events a
   * dead claimer appended and returns the answer they imply, or null if it appended nothing.
   */
  async find(userId: string, key: string, settle: (claimed: ClaimedRequest) => Promise<{ response: unknown } | null>): Promise<IdempotencyRecord | null> {
    const stream = idempotencyStream(userId, key);
    for (;;) {
      const records = await readClaimStream(this.client, stream);
      const last = records[records.length - 1];
      if (!last || last.type === KEY_RELEASED) return null;
      if (last.type === KEY_ANSWERED) return { requestHash: String(last.data.requestHash), response: last.data.response };
      const claimed = last.data as unknown as ClaimedRequest;
      if (this.timing.now() - last.createdAt < this.timing.leaseMs) {
        await sleep(this.timing.pollMs);
        continue;
      }
      const settled = await settle(claimed);
      const claim = { stream, revision: last.revision };
      if (settled) await this.answer(claim, claimed.requestHash, settled.response);
      else await this.release(claim);
    }
  }
}

/**
 * Values unique across streams (disbursement ids), reserved before the events that use them.
 * A stream `ledger-unique-<sha256(value)>` holds `UniqueValueReserved` {owner stream}. The owner
 * stream itself serialises its own commands by expected revision, so a value already reserved by
 * the same stream is simply reused. Reserved by another stream, it is taken unless that stream
 * never used it (its append was refused or its process died) and the reservation is older than
 * the lease; then it is taken over under the reservation's revision, so only one can.
 */
export class UniqueReservations {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly timing: ClaimTiming,
  ) {}

  /** Resolves to the reservation written (to release if the append fails), or null when it was already this stream's. */
  async reserve(value: string, owner: string, ownerUses: (ownerStream: string) => Promise<boolean>, conflict: () => Error): Promise<Claim | null> {
    const stream = uniqueStream(value);
    for (let attempt = 0; attempt < 5; attempt++) {
      const records = await readClaimStream(this.client, stream);
      const last = records[records.length - 1];
      if (last && last.type === VALUE_RESERVED) {
        const holder = String(last.data.owner);
        if (holder === owner) return null;
        if (await ownerUses(holder)) throw conflict();
        if (this.timing.now() - last.createdAt < this.timing.leaseMs) throw conflict();
      }
      const expected = last ? last.revision : null;
      if (await appendClaim(this.client, stream, expected, VALUE_RESERVED, { value, owner })) return { stream, revision: expected === null ? 0 : expected + 1 };
    }
    throw conflict();
  }

  release(claim: Claim): Promise<boolean> {
    return appendClaim(this.client, claim.stream, claim.revision, VALUE_RELEASED, {});
  }
}
