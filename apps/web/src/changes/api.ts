import type { Client } from '../api/client';

type Moved = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number }>;

/** GET /changes as the OpenAPI document describes it (ChangesDto). */
export type Changes = Readonly<{
  from: Readonly<{ position: number }>;
  to: Readonly<{ position: number }>;
  recorded: Readonly<{ events: number; byType: Readonly<Record<string, number>> }>;
  items: readonly Readonly<{ position: number; type: string; streamId: string; recordedAt: string; actor: Readonly<{ userId: string; role: string }>; data: Readonly<Record<string, unknown>> }>[];
  nextCursor: string | null;
  allocations: readonly Readonly<{ id: string; unit: string; before: Moved | null; after: Moved; delta: Moved }>[];
}>;

export type ChangesQuery = Readonly<{ from?: string; to?: string; unit?: string }>;

export const changesPage = (client: Client, q: ChangesQuery, cursor?: string) => client.get<Changes>('/changes', { ...q, cursor });
