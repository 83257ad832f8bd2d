import { assertDay } from './dates';
import { invalid } from './errors';
import type { LegalDocument } from './event';
import { assertText } from './text';

export function legalDocument(field: string, value: unknown): LegalDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(field, 'must be an object { number, date, issuer }');
  }
  const v = value as Record<string, unknown>;
  assertText(`${field}.number`, v.number, 100);
  assertDay(`${field}.date`, v.date);
  assertText(`${field}.issuer`, v.issuer, 300);
  return { number: v.number.trim(), date: v.date, issuer: v.issuer.trim() };
}
