/** Field descriptions shared by the users' slices (requests and answers). */
export const EXPIRES_AT_INPUT = {
  type: 'string',
  format: 'date-time',
  example: '2026-12-31T17:00:00Z',
  description: 'when the token stops working (an ISO 8601 instant with an offset, later than now); absent: it does not expire',
} as const;

export const ACTIVE = { type: 'boolean', description: 'false once deactivated: the token then answers 401 until the user is reactivated' } as const;
export const EXPIRES_AT = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description: "when the user's current token stops working; null: never",
} as const;
export const ROTATED_AT = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description: 'when the current token replaced the previous one; null: never rotated',
} as const;
