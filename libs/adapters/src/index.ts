export * from './sqlite/sqlite-ledger-store';
export * from './memory/memory-ledger-store';
