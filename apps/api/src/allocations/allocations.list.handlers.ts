import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import { disbursementById, listAllocations, listDisbursements, type AllocationsQuery, type PageQuery, type TimeTravelQuery } from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';

export class ListAllocationsQuery extends Query<unknown> {
  constructor(
    readonly query: AllocationsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
export class ListDisbursementsQuery extends Query<unknown> {
  constructor(
    readonly allocationId: string,
    readonly query: PageQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
export class GetDisbursementQuery extends Query<unknown> {
  constructor(
    readonly id: string,
    readonly query: TimeTravelQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListAllocationsQuery)
export class ListAllocationsHandler implements IQueryHandler<ListAllocationsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListAllocationsQuery) {
    return listAllocations(this.ledger.reads, q.query, q.principal);
  }
}

@QueryHandler(ListDisbursementsQuery)
export class ListDisbursementsHandler implements IQueryHandler<ListDisbursementsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListDisbursementsQuery) {
    return listDisbursements(this.ledger.reads, q.allocationId, q.query, q.principal);
  }
}

@QueryHandler(GetDisbursementQuery)
export class GetDisbursementHandler implements IQueryHandler<GetDisbursementQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetDisbursementQuery) {
    return disbursementById(this.ledger.reads, q.id, q.principal, q.query);
  }
}

export const ALLOCATION_LIST_HANDLERS = [ListAllocationsHandler, ListDisbursementsHandler, GetDisbursementHandler];
