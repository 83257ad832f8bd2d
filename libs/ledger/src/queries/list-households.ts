import { CLASSIFICATIONS, POVERTY_STANDARDS, invalid, type Principal } from '../../../domain/src';
import type { ReadStore, Scalar } from '../ports/read-store.port';
import { HOUSEHOLDS, type AssessmentEntry, type HouseholdDoc } from '../projections/households.projection';
import type { HouseholdKeyStore } from '../personal-data/household-keys.port';
import { shownHousehold } from '../personal-data/shown-personal-data';
import { openListing, type PageQuery } from './list-page';
import { visible, visibleUnitRef } from './scope';

export type HouseholdsQuery = PageQuery & Readonly<Partial<Record<'unit' | 'classification' | 'reviewYear' | 'deprivation' | 'q', string>>>;

const INDICATORS = [...new Set(POVERTY_STANDARDS.flatMap((s) => s.indicators))].sort();

/** Lower case without diacritics, so that "lo van" finds "Lò Văn" (đ has no decomposition). */
const folded = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The assessment that decided a review year: the last one recorded for it. */
const assessmentFor = (h: HouseholdDoc, reviewYear: number): AssessmentEntry | null => h.assessments.filter((a) => a.reviewYear === reviewYear).at(-1) ?? null;

/**
 * GET /households: the households in the reader's scope, by id. Without `reviewYear`,
 * `classification` and `deprivation` ask about each household's current class (its latest review
 * year); with it, about that year's assessment, and households not assessed that year are left out.
 * `q` matches the id or the head's name, ignoring case and diacritics.
 */
export async function listHouseholds(current: ReadStore, q: HouseholdsQuery, principal: Principal, keys: HouseholdKeyStore | null = null) {
  if (q.classification !== undefined && !(CLASSIFICATIONS as readonly string[]).includes(q.classification))
    throw invalid('classification', `must be one of ${CLASSIFICATIONS.join(', ')}`);
  if (q.reviewYear !== undefined && !/^\d{4}$/.test(q.reviewYear)) throw invalid('reviewYear', 'must be a year');
  if (q.deprivation !== undefined && !INDICATORS.includes(q.deprivation)) throw invalid('deprivation', `must be an indicator code: ${INDICATORS.join(', ')}`);
  if (q.q !== undefined && q.q.trim() === '') throw invalid('q', 'must not be empty');
  const filters = { unit: q.unit, classification: q.classification, reviewYear: q.reviewYear, deprivation: q.deprivation, q: q.q };
  const listing = await openListing(current, q, 'households', filters);
  const unit = q.unit === undefined ? null : await visibleUnitRef(listing.reads, principal, 'unit', q.unit);
  const text = q.q === undefined ? null : folded(q.q.trim());
  const year = q.reviewYear === undefined ? null : Number(q.reviewYear);
  // A commune's households carry its code (it never changes), so the store can select them.
  const where: Record<string, Scalar> = unit !== null && unit.children.length === 0 ? { unit: unit.code } : {};
  return listing.scanPage(HOUSEHOLDS, where, (h: HouseholdDoc) => {
    if (!visible(principal, h.unitPath) || (unit !== null && !h.unitPath.includes(unit.code))) return null;
    const personal = shownHousehold(h, principal, keys);
    // A finance officer's `q` matches ids only: a name it may not see must not be found by guessing.
    if (text !== null && !folded(h.id).includes(text) && !folded(personal.headName ?? '').includes(text)) return null;
    const assessment = year !== null ? assessmentFor(h, year) : h.current === null ? null : assessmentFor(h, h.current.reviewYear);
    if ((year !== null || q.classification !== undefined || q.deprivation !== undefined) && assessment === null) return null;
    if (q.classification !== undefined && assessment!.classification !== q.classification) return null;
    if (q.deprivation !== undefined && !assessment!.deprivations.includes(q.deprivation)) return null;
    return {
      id: h.id,
      unit: h.unit,
      area: h.area,
      members: h.members,
      ...personal,
      registeredAt: h.registeredAt,
      classification: h.current?.classification ?? null,
      standard: h.current?.standard ?? null,
      assessment:
        assessment === null
          ? null
          : {
              reviewYear: assessment.reviewYear,
              reviewType: assessment.reviewType,
              classification: assessment.classification,
              deprivations: assessment.deprivations,
              standard: assessment.standard,
            },
      position: h._position,
    };
  });
}
