import { Module } from '@nestjs/common';
import { GetAllocationTraceHandler } from './trace-allocation/trace-allocation.handler';
import { GetAllocationTraceController } from './trace-allocation/trace-allocation.http';
import { GetDisbursementTraceHandler } from './trace-disbursement/trace-disbursement.handler';
import { GetDisbursementTraceController } from './trace-disbursement/trace-disbursement.http';

/** The two traces share their response schemas (trace.dto.ts). */
@Module({ controllers: [GetDisbursementTraceController, GetAllocationTraceController], providers: [GetDisbursementTraceHandler, GetAllocationTraceHandler] })
export class TraceModule {}
