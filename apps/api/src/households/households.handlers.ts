import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import {
  assessHousehold,
  eraseHouseholdPersonalData,
  type EraseHouseholdPersonalDataInput,
  householdStats,
  householdView,
  registerHousehold,
  type AppContext,
  type AssessHouseholdInput,
  type RegisterHouseholdInput,
  type TimeTravelQuery,
  type HouseholdsQuery,
  listHouseholds,
} from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';

export class RegisterHouseholdCommand extends Command<{ id: string; position: number }> {
  constructor(
    readonly input: RegisterHouseholdInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class AssessHouseholdCommand extends Command<unknown> {
  constructor(
    readonly householdId: string,
    readonly input: AssessHouseholdInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class EraseHouseholdPersonalDataCommand extends Command<unknown> {
  constructor(
    readonly householdId: string,
    readonly input: EraseHouseholdPersonalDataInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
export class GetHouseholdQuery extends Query<unknown> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
export class GetHouseholdStatsQuery extends Query<unknown> {
  constructor(
    readonly query: Readonly<{ unit?: string; reviewYear?: string }> & TimeTravelQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RegisterHouseholdCommand) {
    return registerHousehold(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}

@CommandHandler(AssessHouseholdCommand)
export class AssessHouseholdHandler implements ICommandHandler<AssessHouseholdCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: AssessHouseholdCommand) {
    return assessHousehold(this.ledger.runner, this.ledger.reads, c.householdId, c.input, c.ctx);
  }
}

@CommandHandler(EraseHouseholdPersonalDataCommand)
export class EraseHouseholdPersonalDataHandler implements ICommandHandler<EraseHouseholdPersonalDataCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: EraseHouseholdPersonalDataCommand) {
    return eraseHouseholdPersonalData(this.ledger.runner, this.ledger.reads, this.ledger.keys, c.householdId, c.input, c.ctx);
  }
}

@QueryHandler(GetHouseholdQuery)
export class GetHouseholdHandler implements IQueryHandler<GetHouseholdQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdQuery) {
    return householdView(this.ledger.reads, q.id, q.principal, q.at, this.ledger.keys);
  }
}

@QueryHandler(GetHouseholdStatsQuery)
export class GetHouseholdStatsHandler implements IQueryHandler<GetHouseholdStatsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdStatsQuery) {
    return householdStats(this.ledger.reads, q.query, q.principal);
  }
}

export class ListHouseholdsQuery extends Query<unknown> {
  constructor(
    readonly query: HouseholdsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListHouseholdsQuery)
export class ListHouseholdsHandler implements IQueryHandler<ListHouseholdsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListHouseholdsQuery) {
    return listHouseholds(this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}

export const HOUSEHOLD_HANDLERS = [
  RegisterHouseholdHandler,
  AssessHouseholdHandler,
  EraseHouseholdPersonalDataHandler,
  GetHouseholdHandler,
  GetHouseholdStatsHandler,
  ListHouseholdsHandler,
];
