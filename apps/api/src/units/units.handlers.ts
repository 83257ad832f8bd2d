import { CommandHandler, Query, QueryHandler, Command, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import {
  listUnits,
  readingAt,
  registerUnit,
  unitByCode,
  unitView,
  type AppContext,
  type RegisterUnitInput,
  type UnitsQuery,
} from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';

export class RegisterUnitCommand extends Command<{ code: string; position: number }> {
  constructor(
    readonly input: RegisterUnitInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RegisterUnitCommand) {
    return registerUnit(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}

export class GetUnitQuery extends Query<unknown> {
  constructor(
    readonly code: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetUnitQuery)
export class GetUnitHandler implements IQueryHandler<GetUnitQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetUnitQuery) {
    const { reads, at } = await readingAt(this.ledger.reads, {});
    const unit = await unitByCode(reads, q.principal, q.code);
    return { ...unitView(unit), at };
  }
}

export class ListUnitsQuery extends Query<unknown> {
  constructor(
    readonly query: UnitsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListUnitsQuery)
export class ListUnitsHandler implements IQueryHandler<ListUnitsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListUnitsQuery) {
    return listUnits(this.ledger.reads, q.query, q.principal);
  }
}
