import type { StoredEvent } from '../ports/event-store.port';
import { upcast } from './upcasters';

const v1: StoredEvent = {
  id: 'e-1',
  type: 'UserRegistered',
  schemaVersion: 1,
  streamId: 'user-admin',
  revision: 0,
  position: 1,
  hash: 'f'.repeat(64),
  data: { id: 'admin', name: 'Administrator', role: 'admin', units: [], tokenHash: 'a'.repeat(64) },
  metadata: {
    actor: { userId: 'system', role: 'admin' },
    recordedAt: '2024-01-01T00:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: null,
    reason: null,
  },
};

describe('UserRegistered v1 → v2', () => {
  it('gives a user registered before token expiry existed a token that never expires', () => {
    expect(upcast(v1)).toEqual({ ...v1, schemaVersion: 2, data: { ...v1.data, expiresAt: null } });
  });
});
