export const ROLES = ['admin', 'finance_officer', 'social_officer', 'supervisor', 'inspector'] as const;
export type Role = (typeof ROLES)[number];
