import type { components } from '../api/generated/ledger-api';

/** GET /disbursements/{id}/trace: the chain from the top-level allocation down to the one that paid. */
export type DisbursementTrace = components['schemas']['DisbursementTraceDto'];
