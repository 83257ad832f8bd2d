export * from './row-source';
export * from './parse-ndjson';
export * from './parse-csv';
export * from './spool';
export * from './strict-json';
