import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { registerUnit, parseRegisterUnit } from '../units/register-unit';
import { uuidv7 } from '../ids';

/** Test and benchmark data for household imports: a unit tree, a caller, and generated rows. */

export const PROVINCE = 'P-LC';
export const DISTRICT = 'D-PT';
export const AGENCY = 'A-VT';
export const commune = (i: number): string => `C-${String(i).padStart(4, '0')}`;

export function contextFor(principal: Principal = { userId: 'u-admin', role: 'admin', units: [] }, now = '2025-10-01T08:00:00.000Z'): AppContext {
  return {
    actor: { userId: principal.userId, role: principal.role },
    principal,
    now,
    correlationId: randomUUID(),
    causationId: null,
    idempotencyKey: null,
    idempotency: null,
    newId: uuidv7,
  };
}

export async function seedUnits(runner: CommandRunner, reads: ReadStore, communes: number, ctx: AppContext = contextFor()): Promise<void> {
  await registerUnit(runner, reads, parseRegisterUnit({ code: 'VN', name: 'Trung ương', level: 'central' }), ctx);
  await registerUnit(runner, reads, parseRegisterUnit({ code: PROVINCE, name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' }), ctx);
  await registerUnit(runner, reads, parseRegisterUnit({ code: DISTRICT, name: 'Huyện Phong Thổ', level: 'district', parent: PROVINCE }), ctx);
  await registerUnit(runner, reads, parseRegisterUnit({ code: AGENCY, name: 'Trung tâm GDNN-GDTX', level: 'agency', parent: DISTRICT }), ctx);
  for (let i = 1; i <= communes; i++)
    await registerUnit(runner, reads, parseRegisterUnit({ code: commune(i), name: `Xã ${i}`, level: 'commune', parent: DISTRICT }), ctx);
}

const INDICATORS_2022 = [
  'employment',
  'dependants',
  'nutrition',
  'health_insurance',
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water_source',
  'latrine',
  'telecom',
  'information_access',
];

/** A plausible review row, deterministic in `i`: every class occurs. */
export function householdFields(i: number, communes: number, reviewYear = 2024): Record<string, unknown> {
  const deprivations = INDICATORS_2022.filter((_, k) => (k + i) % 12 < (i * 7) % 5);
  return {
    household: `HH-${String(i).padStart(8, '0')}`,
    unit: commune((i % communes) + 1),
    area: i % 5 === 0 ? 'urban' : 'rural',
    members: 1 + (i % 7),
    reviewYear,
    reviewType: 'periodic',
    incomePerCapita: 800_000 + ((i * 104_729) % 2_800_000),
    deprivations,
    ...(i % 3 === 0 ? { headName: `Lò Văn ${i}` } : {}),
    ...(i % 2 === 0 ? { ethnicMinority: true } : {}),
  };
}

export function ndjsonLine(fields: Record<string, unknown>): string {
  return JSON.stringify(fields);
}

export const CSV_HEADER = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName,ethnicMinority';

export function csvLine(f: Record<string, unknown>): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    const s = Array.isArray(v) ? v.join(';') : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [f.household, f.unit, f.area, f.members, f.reviewYear, f.reviewType, f.incomePerCapita, f.deprivations, f.headName, f.ethnicMinority]
    .map(cell)
    .join(',');
}

/** `n` rows as text, produced lazily in chunks of lines (for Readable.from). */
export function* generatedFile(n: number, communes: number, format: 'ndjson' | 'csv', reviewYear = 2024): Generator<string, void, undefined> {
  let chunk = format === 'csv' ? `${CSV_HEADER}\n` : '';
  for (let i = 1; i <= n; i++) {
    const f = householdFields(i, communes, reviewYear);
    chunk += (format === 'csv' ? csvLine(f) : ndjsonLine(f)) + '\n';
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
