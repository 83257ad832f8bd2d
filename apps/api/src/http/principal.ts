import type { Principal } from '../../../../libs/domain/src';

export type AuthenticatedRequest = {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
  ip?: string;
  body?: unknown;
  routeOptions?: { url?: string };
};
