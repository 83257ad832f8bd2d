import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseAdjustAllocation, parseGrantAllocation, parseRecordDisbursement, parseReverseDisbursement, type AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { TimeTravelQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { AdjustAllocationDto, GrantAllocationDto, RecordDisbursementDto, ReverseDisbursementDto } from './allocations.dto';
import {
  AdjustAllocationCommand,
  GetAllocationQuery,
  GetBalancesQuery,
  GrantAllocationCommand,
  RecordDisbursementCommand,
  ReverseDisbursementCommand,
} from './allocations.handlers';
import { ApiDoc, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { CreatedDto } from '../http/responses';
import { AllocationViewDto, BalancesDto, DisbursementCreatedDto, DisbursementRecordedDto } from './allocations.responses';
import { BalancesQueryDto } from './allocations.query';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class AllocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @ApiDoc({
    summary: 'Grant an allocation, or carve a sub-allocation out of one',
    description:
      "Without `parentId`: a top-level grant on a budget line (program, project, subProject, fiscalYear, capitalType, source) by the unit's parent (an admin for a root unit). With `parentId`: the parent allocation's unit passes `amount` down to a unit below it; the line is the parent's. Refused (409) if the parent has not that much available.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post('allocations')
  @HttpCode(201)
  grant(@Body() body: GrantAllocationDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new GrantAllocationCommand(parseGrantAllocation(body), ctx));
  }

  @ApiDoc({
    summary: 'Adjust an allocation up or down',
    description:
      "A signed `delta` in whole đồng under a decision, with a reason, decided by whoever granted the allocation. A sub-allocation's increase comes from its parent (409 if the parent lacks it); a reduction goes back to it and may not go below what is committed (409 BELOW_COMMITTED).",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('allocations/:id/adjustments')
  @HttpCode(201)
  adjust(@Param('id') id: string, @Body() body: AdjustAllocationDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new AdjustAllocationCommand(id, parseAdjustAllocation(body), ctx));
  }

  @ApiDoc({
    summary: 'Record a payment from an allocation',
    description:
      "A disbursement of `amount` whole đồng valued on `valueDate` (not later than today in Asia/Ho_Chi_Minh) against a voucher, by a finance officer of the allocation's unit. Refused (409 INSUFFICIENT_FUNDS) beyond what is available; a disbursement id is unique across the ledger (409 ALREADY_EXISTS). At or above the threshold of the approval policy in force for the unit it is a request (`status: pending`, DisbursementRequested): its amount is reserved at once and paid when another finance officer approves it (POST /disbursements/{id}/approval).",
    created: DisbursementRecordedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('allocations/:id/disbursements')
  @HttpCode(201)
  disburse(@Param('id') id: string, @Body() body: RecordDisbursementDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RecordDisbursementCommand(id, parseRecordDisbursement(body), ctx));
  }

  @ApiDoc({
    summary: 'Reverse a payment',
    description:
      "The payment stays in the log; a reversal event gives its amount back to the allocation from `valueDate` (default: today in Asia/Ho_Chi_Minh; not before the payment's). A payment is reversed once (409 ALREADY_REVERSED).",
    created: DisbursementCreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('disbursements/:id/reversal')
  @HttpCode(201)
  reverse(@Param('id') id: string, @Body() body: ReverseDisbursementDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new ReverseDisbursementCommand(id, parseReverseDisbursement(body), ctx));
  }

  @ApiDoc({
    summary: 'An allocation and its figures',
    description:
      'Its line, unit, parent, children and decision, with `allocated` (gross), `subAllocated`, `disbursed` (its own, net of reversals), `disbursedTotal` (with everything below it), `available` and `disbursementRate`. `asOf`/`atPosition` read it as it was.',
    ok: AllocationViewDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('allocations/:id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAllocationQuery(id, req.principal!, at));
  }

  @ApiDoc({
    summary: 'Balances, filtered and grouped',
    description:
      "Sums over the allocations in the caller's scope that match the filters, each đồng counted once: an allocation contributes what it kept (allocated − passed down) and what it paid itself. `groupBy` gives one row per group; `valueDate` counts only payments and reversals valued by then; `asOf`/`atPosition` read the books as they were known.",
    ok: BalancesDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get('balances')
  balances(@Query() query: BalancesQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetBalancesQuery(query, req.principal!));
  }
}
