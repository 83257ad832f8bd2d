import type { Upcaster } from './upcasters';

/** UserRegistered v1 → v2. Version 1 had no token expiry: its tokens never expire. */
export const userRegisteredV1: Upcaster = (e) => ({ ...e, schemaVersion: 2, data: { ...e.data, expiresAt: null } });
