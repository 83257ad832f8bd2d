export * from './projection-sink.port';
export * from './plan-batch';
export * from './projector';
