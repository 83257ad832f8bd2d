export const streams = {
  allocation: (id: string) => `allocation-${id}`,
  household: (id: string) => `household-${id}`,
  unit: (code: string) => `unit-${code}`,
  user: (id: string) => `user-${id}`,
  approvalPolicy: (unit: string) => `approval-policy-${unit}`,
} as const;
