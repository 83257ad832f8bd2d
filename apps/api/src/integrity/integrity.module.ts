import { Module } from '@nestjs/common';
import { GetIntegrityHeadHandler } from './get-integrity-head/get-integrity-head.handler';
import { GetIntegrityHeadController } from './get-integrity-head/get-integrity-head.http';
import { ListChainRecordsHandler } from './list-chain-records/list-chain-records.handler';
import { ListChainRecordsController } from './list-chain-records/list-chain-records.http';
import { IntegrityMonitor } from './integrity-monitor';

/** The start-up check of the hash chain (integrity-monitor.ts, integrity-guard.ts), the head it serves and the records to check it by. */
@Module({
  controllers: [GetIntegrityHeadController, ListChainRecordsController],
  providers: [GetIntegrityHeadHandler, ListChainRecordsHandler, IntegrityMonitor],
  exports: [IntegrityMonitor],
})
export class IntegrityModule {}
