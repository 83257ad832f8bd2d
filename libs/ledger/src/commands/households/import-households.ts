import { createHash } from 'node:crypto';
import {
  DomainError,
  assertCanWrite,
  canRead,
  notAvailable,
  type Principal,
  householdDecider,
  type Classification,
  type DomainEvent,
  type HouseholdEvent,
  type HouseholdState,
} from '../../../../domain/src';
import {
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type LedgerMetadata,
  type NewEvent,
  type StreamAppend,
} from '../../ports/event-store.port';
import type { ReadStore } from '../../ports/read-store.port';
import { UNITS, type UnitDoc } from '../../projections/units.projection';
import { streams } from '../../streams';
import { Spool } from '../../imports/spool';
import type { RawRow } from '../../imports/row-source';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { householdRow, unregistered } from './household-inputs';

export type { RawRow };

export type HouseholdImportSummary = Readonly<{
  rows: number;
  registered: number;
  assessed: number;
  reclassified: number;
  /** Current class of the households the file touched, after the import. */
  byClassification: Readonly<Record<Classification, number>>;
}>;

export type ImportRowError = Readonly<{ row: number; field: string; message: string }>;

/**
 * Writes every append in one all-or-nothing commit, reading them lazily so a store can stream
 * them (sqlite-bulk-append.ts). Unlike `EventStore.appendMany`, a stream may appear more than once,
 * in order, each time expecting the revision the previous append left.
 */
export type BulkAppend = (appends: Iterable<StreamAppend>, options: AppendOptions) => Promise<AppendResult>;

export type ImportOptions = Readonly<{
  bulkAppend?: BulkAppend;
  /** Called every `progressEvery` rows while checking, and once when writing starts. */
  onProgress?: (p: Readonly<{ phase: 'checking' | 'writing'; rows: number }>) => void;
  progressEvery?: number;
  /** Errors listed in the refusal; the count covers all of them. */
  maxListedErrors?: number;
  /** Bytes of decided appends kept in memory before they spill to a temporary file. */
  spoolMemoryLimit?: number;
}>;

export const IMPORT_FIELDS = [
  'household',
  'unit',
  'area',
  'members',
  'reviewYear',
  'reviewType',
  'incomePerCapita',
  'deprivations',
  'headName',
  'ethnicMinority',
] as const;
const KNOWN = new Set<string>(IMPORT_FIELDS);
export const importStream = (sha256: string): string => `import-${sha256}`;

export type ImportCompleted = DomainEvent<'ImportCompleted', { kind: 'households'; sha256: string; summary: HouseholdImportSummary }>;

/**
 * A district's or province's review results in one file, all-or-nothing: every row is checked and
 * decided with the same decider as the single-household endpoints; if any row is bad the whole file
 * is refused with every bad row listed, and nothing is recorded. Otherwise all events, and an
 * `ImportCompleted` on `import-<sha256 of the content>` that makes a re-sent file a no-op, are
 * committed together.
 *
 * Memory: rows are never held; decided appends wait in a spool (spilled to disk past a limit);
 * each household the file touches costs one map entry (its latest spool line), and a household
 * named a second time is refolded from its stored events plus its earlier spooled lines.
 * A million rows check in ~12 s; the write (one transaction) is the long part, see sqlite-bulk-append.ts.
 */
export async function importHouseholds(
  runner: CommandRunner,
  reads: ReadStore,
  rows: AsyncIterable<RawRow>,
  ctx: AppContext,
  options: ImportOptions = {},
): Promise<HouseholdImportSummary> {
  // Refuse a role that may not record households before reading a byte.
  assertCanWrite(ctx.principal, 'households', ctx.principal.units.length > 0 ? ctx.principal.units.slice(0, 1) : null);
  const maxListed = options.maxListedErrors ?? 10_000;
  const every = options.progressEvery ?? 10_000;
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const fail = (row: number, field: string, message: string) => {
    errorCount += 1;
    if (errors.length < maxListed) errors.push({ row, field, message });
  };
  const units = new Map<string, UnitDoc | null>();
  // Household → its latest spooled line; each line → the household's line before it (-1: none).
  // Only the rare household named twice is refolded from the spool, so the common case costs a map entry.
  const touched = new Map<string, number>();
  let previousLine = new Int32Array(1024);
  const spool = new Spool(options.spoolMemoryLimit);
  const rowHash = typeof (rows as { sha256?: unknown }).sha256 === 'function' ? null : createHash('sha256');
  const counts = { rows: 0, registered: 0, assessed: 0, reclassified: 0 };
  const byClassification: Record<Classification, number> = { poor: 0, near_poor: 0, average: 0, not_poor: 0 };

  try {
    for await (const row of rows) {
      counts.rows += 1;
      if (counts.rows % every === 0) options.onProgress?.({ phase: 'checking', rows: counts.rows });
      rowHash?.update(`${JSON.stringify(row.fields)}\n`);
      if (row.error) {
        fail(row.line, row.error.field, row.error.message);
        continue;
      }
      const f = row.fields;
      const unknown = Object.keys(f).find((k) => !KNOWN.has(k));
      if (unknown !== undefined) {
        fail(row.line, unknown, `unknown field (expected ${IMPORT_FIELDS.join(', ')})`);
        continue;
      }
      try {
        // The same rules as POST /households and POST /households/{id}/assessments (household-inputs.ts).
        const parsed = householdRow(f);
        const householdId = parsed.household;
        const unit = await unitOf(reads, units, ctx.principal, parsed.unit);
        assertCanWrite(ctx.principal, 'households', unit.path);
        const seen = touched.get(householdId);
        let { revision, state } = await runner.load(streams.household(householdId), householdDecider);
        if (seen !== undefined) ({ revision, state } = refold(spool, previousLine, seen, revision, state));
        if (state.status === 'registered' && state.unit !== unit.code) {
          // Registered in a unit the importer cannot see: the id is taken, and where is not its business.
          const registeredIn = await unitCached(reads, units, state.unit);
          if (!registeredIn || !canRead(ctx.principal, registeredIn.path)) {
            throw new DomainError('VALIDATION_FAILED', `household: ${notAvailable('household', householdId).message}`, { field: 'household' });
          }
          throw new DomainError('VALIDATION_FAILED', `unit: household '${householdId}' is registered in '${state.unit}', not '${unit.code}'`, {
            field: 'unit',
          });
        }
        const events: HouseholdEvent[] = [];
        let next = state;
        if (state.status === 'empty') {
          if (parsed.registration === null) throw unregistered();
          const registered = householdDecider.decide(
            { type: 'RegisterHousehold', householdId, unit: unit.code, unitLevel: unit.level, ...parsed.registration },
            next,
          );
          for (const e of registered) next = householdDecider.evolve(next, e);
          events.push(...registered);
        }
        const assessed = householdDecider.decide({ type: 'AssessHousehold', assessmentId: ctx.newId(), ...parsed.assessment }, next);
        for (const e of assessed) next = householdDecider.evolve(next, e);
        events.push(...assessed);
        if (errorCount > 0) continue; // the file is refused anyway: keep checking, stop keeping
        if (next.status !== 'registered') throw new Error('import: a household is unregistered after its own registration');
        const before = seen !== undefined && state.status === 'registered' ? state.current?.classification : undefined;
        if (before !== undefined) byClassification[before] -= 1;
        if (next.current) byClassification[next.current.classification] += 1;
        for (const e of events) {
          if (e.type === 'HouseholdRegistered') counts.registered += 1;
          else if (e.type === 'HouseholdAssessed') counts.assessed += 1;
          else counts.reclassified += 1;
        }
        const line = spool.push(
          JSON.stringify([streams.household(householdId), revision < 0 ? 'no_stream' : revision, events.map((e) => [e.type, e.schemaVersion, e.data])]),
        );
        if (line === previousLine.length) {
          const grown = new Int32Array(previousLine.length * 2);
          grown.set(previousLine);
          previousLine = grown;
        }
        previousLine[line] = seen ?? -1;
        touched.set(householdId, line);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const field = typeof error.details?.field === 'string' ? error.details.field : error.code === 'FORBIDDEN' ? 'unit' : 'household';
        fail(row.line, field, error.message);
      }
    }
    if (counts.rows === 0 && errorCount === 0) fail(0, 'file', 'the file has no rows');
    if (errorCount > 0) {
      throw new DomainError('VALIDATION_FAILED', `${errorCount} of ${counts.rows} rows are invalid; nothing was recorded`, {
        errors,
        errorCount,
        ...(errorCount > errors.length ? { listed: errors.length } : {}),
      });
    }
    touched.clear();

    const sha256 = rowHash ? rowHash.digest('hex') : (rows as unknown as { sha256: () => string }).sha256();
    const summary: HouseholdImportSummary = { ...counts, byClassification };
    const earlier = await earlierImport(runner, sha256);
    if (earlier) return earlier;
    // A file's identity is its content: the same key with another file is a different request.
    const idem = ctx.idempotency && { key: ctx.idempotency.key, requestHash: `import-households:${sha256}` };
    if (idem) {
      const record = await runner.store.findIdempotency(ctx.principal.userId, idem.key);
      if (record) return replayed(record, idem);
    }
    const appendOptions: AppendOptions = idem
      ? { idempotency: { userId: ctx.principal.userId, key: idem.key, requestHash: idem.requestHash, response: () => summary } }
      : {};
    options.onProgress?.({ phase: 'writing', rows: counts.rows });
    try {
      const appends = decidedAppends(spool, ctx, sha256, summary);
      if (options.bulkAppend) await options.bulkAppend(appends, appendOptions);
      else await runner.store.appendMany(mergeByStream(appends), appendOptions);
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken && idem) {
        const record = await runner.store.findIdempotency(ctx.principal.userId, idem.key);
        if (record) return replayed(record, idem);
      }
      if (!(error instanceof WrongExpectedVersion)) throw error;
      // The same file committed by a concurrent request in between: answer as a re-send.
      const raced = await earlierImport(runner, sha256);
      if (raced) return raced;
      throw new DomainError('CONCURRENCY_CONFLICT', `stream '${error.streamId}' changed while the file was being checked; send the file again`, {
        streamId: error.streamId,
      });
    }
    return summary;
  } finally {
    spool.dispose();
  }
}

async function earlierImport(runner: CommandRunner, sha256: string): Promise<HouseholdImportSummary | null> {
  const [done] = await runner.store.readStream(importStream(sha256));
  return done ? (done.data as ImportCompleted['data']).summary : null;
}

/**
 * The edge says what makes two requests the same (`requestHash`), as for every command; a file
 * re-sent with the same content is caught by its content hash whatever the key.
 */
function replayed(record: Readonly<{ requestHash: string; response: unknown }>, idem: Readonly<{ key: string; requestHash: string }>): HouseholdImportSummary {
  if (record.requestHash !== idem.requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key '${idem.key}' was already used for a different request`, { key: idem.key });
  }
  return record.response as HouseholdImportSummary;
}

async function unitCached(reads: ReadStore, cache: Map<string, UnitDoc | null>, code: string): Promise<UnitDoc | null> {
  let unit = cache.get(code);
  if (unit === undefined) {
    unit = await reads.get<UnitDoc>(UNITS, code);
    cache.set(code, unit);
  }
  return unit;
}

/** A row's unit: unknown, or outside the importer's scope, is the same "no such unit" (see lookups.ts). */
async function unitOf(reads: ReadStore, cache: Map<string, UnitDoc | null>, principal: Principal, code: string): Promise<UnitDoc> {
  const unit = await unitCached(reads, cache, code);
  if (!unit || !canRead(principal, unit.path)) throw new DomainError('UNKNOWN_REFERENCE', `unit: no such unit '${code}'`, { field: 'unit', value: code });
  return unit;
}

type SpooledLine = [streamId: string, expected: ExpectedRevision, events: [type: string, schemaVersion: number, data: Record<string, unknown>][]];

/** The state of a household the file named before: its stored state, then every earlier row's events, in order. */
function refold(spool: Spool, previousLine: Int32Array, last: number, revision: number, state: HouseholdState): { revision: number; state: HouseholdState } {
  const chain: number[] = [];
  for (let seq = last; seq !== -1; seq = previousLine[seq]!) chain.unshift(seq);
  for (const seq of chain) {
    const [, , events] = JSON.parse(spool.readAt(seq)) as SpooledLine;
    for (const [type, schemaVersion, data] of events) state = householdDecider.evolve(state, { type, schemaVersion, data } as HouseholdEvent);
    revision += events.length;
  }
  return { revision, state };
}

/** The spooled appends as the store takes them, metadata as `CommandRunner` stamps it, and the import marker last. */
function* decidedAppends(spool: Spool, ctx: AppContext, sha256: string, summary: HouseholdImportSummary): Generator<StreamAppend, void, undefined> {
  const metadata: LedgerMetadata = Object.freeze({
    actor: ctx.actor,
    recordedAt: ctx.now,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    idempotencyKey: ctx.idempotency?.key ?? null,
    requestHash: ctx.idempotency?.requestHash ?? null,
    decision: null,
    reason: null,
  });
  for (const line of spool.read()) {
    if (line.length === 0) continue;
    const [streamId, expected, events] = JSON.parse(line) as SpooledLine;
    yield {
      streamId,
      expected,
      events: events.map(([type, schemaVersion, data]): NewEvent => ({ id: ctx.newId(), type, schemaVersion, data, metadata })),
    };
  }
  const done: ImportCompleted = { type: 'ImportCompleted', schemaVersion: 1, data: { kind: 'households', sha256, summary } };
  yield { streamId: importStream(sha256), expected: 'no_stream', events: [{ id: ctx.newId(), type: done.type, schemaVersion: 1, data: done.data, metadata }] };
}

/** `EventStore.appendMany` takes each stream once: a household named twice gets one append holding both rows' events. */
function mergeByStream(appends: Iterable<StreamAppend>): StreamAppend[] {
  const byStream = new Map<string, { streamId: string; expected: ExpectedRevision; events: NewEvent[] }>();
  for (const a of appends) {
    const seen = byStream.get(a.streamId);
    if (seen) seen.events.push(...a.events);
    else byStream.set(a.streamId, { streamId: a.streamId, expected: a.expected, events: [...a.events] });
  }
  return [...byStream.values()];
}
