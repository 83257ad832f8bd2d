export * from './event-scope';
export * from './live-event';
export * from './log-tail';
