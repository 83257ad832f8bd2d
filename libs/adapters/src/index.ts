export * from './sqlite/sqlite-ledger-store';
export * from './memory/memory-ledger-store';
export * from './sqlite/sqlite-bulk-append';
export * from './sqlite/sqlite-rebuild';
export * from './sqlite/sqlite-replay';
export * from './sqlite/sqlite-household-keys';
export * from './memory/memory-household-keys';
