import { assertDay } from './dates';
import { invalid } from './errors';
import type { LegalDocument } from './event';
import { legalDocument } from './legal-document';
import { assertPositiveAmount, type Dong } from './money';
import { assertId, assertText } from './text';

/*
 * Value parsers: what every edge (HTTP body, import row, command line) runs on raw input before a
 * command is built, so that commands carry typed values and deciders check business rules only.
 * Each names its field in the error, as the deciders used to.
 */

/** A calendar day `YYYY-MM-DD`; compared with today by the decider, not here. */
export type Day = string;

/** The raw fields of one input (a JSON body, an import row): anything, until parsed. */
export type RawInput = Readonly<Record<string, unknown>>;

export function rawInput(value: unknown, field = 'body'): RawInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'must be an object');
  return value as RawInput;
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

export function day(field: string, value: unknown): Day {
  assertDay(field, value);
  return value;
}

export const optionalDay = (field: string, value: unknown): Day | null => (absent(value) ? null : day(field, value));

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a time and an offset, answered in UTC; absent or null is none. Compared with now by the decider. */
export function optionalInstant(field: string, value: unknown): string | null {
  if (absent(value)) return null;
  const t = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw invalid(field, 'must be an ISO 8601 instant with a time and an offset, e.g. 2026-12-31T17:00:00Z');
  return new Date(t).toISOString();
}

/** Non-blank text of at most `max` characters, trimmed. */
export function text(field: string, value: unknown, max: number): string {
  assertText(field, value, max);
  return value.trim();
}

/** Non-blank text kept as given (names were always recorded untrimmed). */
export function nonBlank(field: string, value: unknown, max: number): string {
  assertText(field, value, max);
  return value;
}

export const optionalText = (field: string, value: unknown, max: number): string | null => (absent(value) ? null : text(field, value, max));

export function id(field: string, value: unknown): string {
  assertId(field, value);
  return value;
}

export const optionalId = (field: string, value: unknown): string | null => (absent(value) ? null : id(field, value));

/** A code that names another record (a unit, an allocation): whether it exists is the use case's lookup. */
export function reference(field: string, value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(field, `must be ${what} (text)`);
  return value;
}

export function amount(field: string, value: unknown): Dong {
  assertPositiveAmount(field, value);
  return value;
}

export function oneOf<const T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw invalid(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function integer(field: string, value: unknown, min: number, max: number, message: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid(field, message);
  return value;
}

export const decision = (field: string, value: unknown): LegalDocument => legalDocument(field, value);

export const optionalDecision = (field: string, value: unknown): LegalDocument | null => (absent(value) ? null : legalDocument(field, value));

export function optionalBoolean(field: string, value: unknown): boolean | null {
  if (absent(value)) return null;
  if (typeof value !== 'boolean') throw invalid(field, 'must be true or false');
  return value;
}

/** A list of text codes, at most `max` long, none twice; what each code means is the decider's business. */
export function codes(field: string, value: unknown, max: number, what: string): string[] {
  if (!Array.isArray(value)) throw invalid(field, `must be a list of ${what}s`);
  if (value.length > max) throw invalid(field, `must contain no more than ${max} elements`);
  const seen = new Set<string>();
  value.forEach((code, i) => {
    if (typeof code !== 'string') throw invalid(`${field}[${i}]`, `must be an ${what}`);
    if (seen.has(code)) throw invalid(`${field}[${i}]`, `'${code}' is listed twice`);
    seen.add(code);
  });
  return [...seen];
}
