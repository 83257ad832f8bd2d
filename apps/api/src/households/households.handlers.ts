import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import {
  assessHousehold,
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

export class RegisterHouseholdCommand extends Command<Awaited<ReturnType<typeof registerHousehold>>> {
  constructor(readonly input: RegisterHouseholdInput, readonly ctx: AppContext) {
    super();
  }
}
export class AssessHouseholdCommand extends Command<Awaited<ReturnType<typeof assessHousehold>>> {
  constructor(readonly householdId: string, readonly input: AssessHouseholdInput, readonly ctx: AppContext) {
    super();
  }
}
export class GetHouseholdQuery extends Query<Awaited<ReturnType<typeof householdView>>> {
  constructor(readonly id: string, readonly principal: Principal, readonly at: TimeTravelQuery = {}) {
    super();
  }
}
export class GetHouseholdStatsQuery extends Query<Awaited<ReturnType<typeof householdStats>>> {
  constructor(readonly query: Readonly<{ unit?: string; reviewYear?: string }> & TimeTravelQuery, readonly principal: Principal) {
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

@QueryHandler(GetHouseholdQuery)
export class GetHouseholdHandler implements IQueryHandler<GetHouseholdQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdQuery) {
    return householdView(this.ledger.reads, q.id, q.principal, q.at);
  }
}

@QueryHandler(GetHouseholdStatsQuery)
export class GetHouseholdStatsHandler implements IQueryHandler<GetHouseholdStatsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdStatsQuery) {
    return householdStats(this.ledger.reads, q.query, q.principal);
  }
}

export class ListHouseholdsQuery extends Query<Awaited<ReturnType<typeof listHouseholds>>> {
  constructor(readonly query: HouseholdsQuery, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ListHouseholdsQuery)
export class ListHouseholdsHandler implements IQueryHandler<ListHouseholdsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListHouseholdsQuery) {
    return listHouseholds(this.ledger.reads, q.query, q.principal);
  }
}

export const HOUSEHOLD_HANDLERS = [RegisterHouseholdHandler, AssessHouseholdHandler, GetHouseholdHandler, GetHouseholdStatsHandler, ListHouseholdsHandler];
