import { Module } from '@nestjs/common';
import { AdjustAllocationHandler } from './adjust-allocation/adjust-allocation.handler';
import { AdjustAllocationController } from './adjust-allocation/adjust-allocation.http';
import { GetAllocationHandler } from './get-allocation/get-allocation.handler';
import { GetAllocationController } from './get-allocation/get-allocation.http';
import { GetBalancesHandler } from './get-balances/get-balances.handler';
import { GetBalancesController } from './get-balances/get-balances.http';
import { GetDisbursementHandler } from './get-disbursement/get-disbursement.handler';
import { GetDisbursementController } from './get-disbursement/get-disbursement.http';
import { GrantAllocationHandler } from './grant-allocation/grant-allocation.handler';
import { GrantAllocationController } from './grant-allocation/grant-allocation.http';
import { ListAllocationsHandler } from './list-allocations/list-allocations.handler';
import { ListAllocationsController } from './list-allocations/list-allocations.http';
import { ListDisbursementsHandler } from './list-disbursements/list-disbursements.handler';
import { ListDisbursementsController } from './list-disbursements/list-disbursements.http';
import { RecordDisbursementHandler } from './record-disbursement/record-disbursement.handler';
import { RecordDisbursementController } from './record-disbursement/record-disbursement.http';
import { RecordNoteHandler } from './record-note/record-note.handler';
import { RecordNoteController } from './record-note/record-note.http';
import { ReverseDisbursementHandler } from './reverse-disbursement/reverse-disbursement.handler';
import { ReverseDisbursementController } from './reverse-disbursement/reverse-disbursement.http';

/** One folder per use case: its command or query, handler, DTOs and controller (`*.http.ts`). */
@Module({
  controllers: [
    GrantAllocationController,
    AdjustAllocationController,
    RecordDisbursementController,
    ReverseDisbursementController,
    GetAllocationController,
    GetBalancesController,
    RecordNoteController,
    ListAllocationsController,
    ListDisbursementsController,
    GetDisbursementController,
  ],
  providers: [
    GrantAllocationHandler,
    AdjustAllocationHandler,
    RecordDisbursementHandler,
    ReverseDisbursementHandler,
    RecordNoteHandler,
    GetAllocationHandler,
    GetBalancesHandler,
    ListAllocationsHandler,
    ListDisbursementsHandler,
    GetDisbursementHandler,
  ],
})
export class AllocationsModule {}
