import { Module } from '@nestjs/common';
import { GetIntegrityHeadHandler } from './get-integrity-head/get-integrity-head.handler';
import { GetIntegrityHeadController } from './get-integrity-head/get-integrity-head.http';
import { IntegrityMonitor } from './integrity-monitor';

/** The start-up check of the hash chain (integrity-monitor.ts, integrity-guard.ts) and the head it serves. */
@Module({ controllers: [GetIntegrityHeadController], providers: [GetIntegrityHeadHandler, IntegrityMonitor], exports: [IntegrityMonitor] })
export class IntegrityModule {}
