import type { UnitLevel } from '../../../domain/src';
import { defineProjection, ref, type DocWrite } from './projection';

export type UnitDoc = Readonly<{
  code: string;
  name: string;
  level: UnitLevel;
  parent: string | null;
  /** The unit's code then its ancestors', nearest first: what scope checks walk. */
  path: readonly string[];
  children: readonly string[];
  registeredAt: string;
  _position?: number;
}>;

export const UNITS = 'units';

export const unitsProjection = defineProjection({
  name: 'units',
  handles: ['UnitRegistered'],
  touches: (e) => {
    const d = e.data;
    return d.parent ? [ref(UNITS, d.code), ref(UNITS, d.parent)] : [ref(UNITS, d.code)];
  },
  apply(e, docs): DocWrite[] {
    const d = e.data;
    const parent = d.parent ? docs<UnitDoc>(UNITS, d.parent) : null;
    if (d.parent && !parent) throw new Error(`units projection: parent '${d.parent}' of '${d.code}' is unknown`);
    const doc: UnitDoc = {
      code: d.code,
      name: d.name,
      level: d.level,
      parent: d.parent,
      path: [d.code, ...(parent?.path ?? [])],
      children: [],
      registeredAt: e.metadata.recordedAt,
    };
    const writes: DocWrite[] = [{ collection: UNITS, id: d.code, doc }];
    if (parent) writes.push({ collection: UNITS, id: parent.code, doc: { ...parent, children: [...parent.children, d.code] } });
    return writes;
  },
});
