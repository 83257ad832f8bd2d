import { readsEverything, type Principal } from '../../../domain/src';

/** Does a document with this unit path fall inside what the principal may read? */
export const visible = (p: Principal, unitPath: readonly string[] | undefined): boolean =>
  readsEverything(p) || (unitPath ?? []).some((u) => p.units.includes(u));
