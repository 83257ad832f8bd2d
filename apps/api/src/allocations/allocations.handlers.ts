import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import {
  adjustAllocation,
  allocationView,
  balances,
  grantAllocation,
  recordDisbursement,
  reverseDisbursement,
  type AdjustAllocationInput,
  type AppContext,
  type BalancesQuery,
  type GrantAllocationInput,
  type RecordDisbursementInput,
  type ReverseDisbursementInput,
  type TimeTravelQuery,
} from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';

type Created = { id: string; position: number };

export class GrantAllocationCommand extends Command<Created> {
  constructor(
    readonly input: GrantAllocationInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class AdjustAllocationCommand extends Command<Created> {
  constructor(
    readonly allocationId: string,
    readonly input: AdjustAllocationInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class RecordDisbursementCommand extends Command<Created> {
  constructor(
    readonly allocationId: string,
    readonly input: RecordDisbursementInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class ReverseDisbursementCommand extends Command<Created> {
  constructor(
    readonly disbursementId: string,
    readonly input: ReverseDisbursementInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class GetAllocationQuery extends Query<unknown> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
export class GetBalancesQuery extends Query<unknown> {
  constructor(
    readonly query: BalancesQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@CommandHandler(GrantAllocationCommand)
export class GrantAllocationHandler implements ICommandHandler<GrantAllocationCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: GrantAllocationCommand) {
    return grantAllocation(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}

@CommandHandler(AdjustAllocationCommand)
export class AdjustAllocationHandler implements ICommandHandler<AdjustAllocationCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: AdjustAllocationCommand) {
    return adjustAllocation(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}

@CommandHandler(RecordDisbursementCommand)
export class RecordDisbursementHandler implements ICommandHandler<RecordDisbursementCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RecordDisbursementCommand) {
    return recordDisbursement(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}

@CommandHandler(ReverseDisbursementCommand)
export class ReverseDisbursementHandler implements ICommandHandler<ReverseDisbursementCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ReverseDisbursementCommand) {
    return reverseDisbursement(this.ledger.runner, this.ledger.reads, c.disbursementId, c.input, c.ctx);
  }
}

@QueryHandler(GetAllocationQuery)
export class GetAllocationHandler implements IQueryHandler<GetAllocationQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAllocationQuery) {
    return allocationView(this.ledger.reads, q.id, q.principal, q.at);
  }
}

@QueryHandler(GetBalancesQuery)
export class GetBalancesHandler implements IQueryHandler<GetBalancesQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetBalancesQuery) {
    return balances(this.ledger.reads, q.query, q.principal);
  }
}

export const ALLOCATION_HANDLERS = [
  GrantAllocationHandler,
  AdjustAllocationHandler,
  RecordDisbursementHandler,
  ReverseDisbursementHandler,
  GetAllocationHandler,
  GetBalancesHandler,
];
