export * from './unique-keys';
export * from './recovered-response';
export * from './consistency';
export * from './copy-log';
