import type { NewEvent } from '../ports/event-store.port';
import { disbursementReversedV1 } from './disbursement-reversed.v1';
import { userRegisteredV1 } from './user-registered.v1';

/** Turns an event of version n into the same event at version n + 1. Pure; the stored event is never changed. */
export type Upcaster = <E extends NewEvent>(e: E) => E;

/**
 * For each event type, the upcaster of each old version. A log written by an older release
 * replays under this one because every reader of events (the projection runner and the command
 * runner's fold) goes through `upcast` first. The log itself keeps the bytes it was written with:
 * the hash chain covers them, so `ledger verify` and the audit trail read events as stored.
 */
export const UPCASTERS: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {
  DisbursementReversed: { 1: disbursementReversedV1 },
  UserRegistered: { 1: userRegisteredV1 },
};

/** The event at the newest version this release knows. */
export function upcast<E extends NewEvent>(e: E): E {
  let current = e;
  for (let step = UPCASTERS[current.type]?.[current.schemaVersion]; step; step = UPCASTERS[current.type]?.[current.schemaVersion]) current = step(current);
  return current;
}
