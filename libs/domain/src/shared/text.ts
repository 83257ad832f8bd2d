import { invalid } from './errors';

export function assertText(field: string, value: unknown, max = 500): asserts value is string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid(field, 'must be a non-empty string');
  if (value.length > max) throw invalid(field, `must be at most ${max} characters`);
}

/** Ids appear in URLs and stream names: keep them to a safe alphabet. */
export function assertId(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(value)) {
    throw invalid(field, 'must be 1–128 characters of letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
  }
}
