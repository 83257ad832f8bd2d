import type { Role } from '../access/roles';

/** A legal document backing a movement of money, e.g. 747/QĐ-UBND of 30/6/2022 by UBND tỉnh Lai Châu. */
export type LegalDocument = Readonly<{ number: string; date: string; issuer: string }>;

export type Actor = Readonly<{ userId: string; role: Role }>;

/**
 * Who, when and why: everything a command brings besides its payload. Time and ids come in here;
 * the domain never reads a clock or generates an id.
 */
export type CommandContext = Readonly<{
  actor: Actor;
  now: string;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
}>;

export type EventMetadata = Readonly<{
  actor: Actor;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  decision: LegalDocument | null;
  reason: string | null;
}>;

/** An event as a decider emits it: plain data, a stable past-tense type and a schema version. */
export type DomainEvent<Type extends string = string, Data = Readonly<Record<string, unknown>>> = Readonly<{
  type: Type;
  schemaVersion: number;
  data: Readonly<Data>;
}>;

export const event = <T extends string, D>(type: T, data: D, schemaVersion = 1): DomainEvent<T, D> =>
  Object.freeze({ type, schemaVersion, data: Object.freeze(data) });
