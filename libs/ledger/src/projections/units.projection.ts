import type { UnitLevel, UnitRegistered } from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';
import { ref, type DocLookup, type DocWrite, type Projection } from './projection';

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

export const unitsProjection: Projection = {
  name: 'units',
  handles: new Set(['UnitRegistered']),
  touches: (e: StoredEvent) => {
    const d = e.data as UnitRegistered['data'];
    return d.parent ? [ref(UNITS, d.code), ref(UNITS, d.parent)] : [ref(UNITS, d.code)];
  },
  apply(e: StoredEvent, docs: DocLookup): DocWrite[] {
    const d = e.data as UnitRegistered['data'];
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
};
