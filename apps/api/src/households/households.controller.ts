import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseAssessHousehold, parseEraseHouseholdPersonalData, parseRegisterHousehold, type AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { TimeTravelQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { AssessHouseholdDto, EraseHouseholdPersonalDataDto, RegisterHouseholdDto } from './households.dto';
import { HouseholdStatsQueryDto } from './households.query';
import {
  AssessHouseholdCommand,
  EraseHouseholdPersonalDataCommand,
  GetHouseholdQuery,
  GetHouseholdStatsQuery,
  RegisterHouseholdCommand,
} from './households.handlers';
import { ApiDoc, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { CreatedDto } from '../http/responses';
import { AssessmentCreatedDto, ErasureRecordedDto, HouseholdStatsDto, HouseholdViewDto } from './households.responses';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class HouseholdsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @ApiDoc({
    summary: 'Register a household',
    description: 'A household of a commune, registered by a social officer of that commune (or above). Its class comes from its assessments.',
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterHouseholdDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterHouseholdCommand(parseRegisterHousehold(body), ctx));
  }

  @ApiDoc({
    summary: "Record a household's yearly assessment",
    description:
      'Income per capita and deprivations (indicator codes of the standard in force for `reviewYear`) decide the class by that standard; the answer names the class, the previous one, the standard and the rule. A change of the current class also records HouseholdReclassified.',
    created: AssessmentCreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/assessments')
  @HttpCode(201)
  assess(@Param('id') id: string, @Body() body: AssessHouseholdDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new AssessHouseholdCommand(id, parseAssessHousehold(body), ctx));
  }

  @ApiDoc({
    summary: "Erase a household's personal data",
    description:
      "Crypto-shredding (Decree 13/2023/NĐ-CP): records HouseholdPersonalDataErased with its legal basis, then destroys the household's key, so the head's name and ethnicity sealed in its events can never be read again; every read, replay, rebuild, export and report shows them as null with `personalDataErased: true`. Counts, classes and money stay. Administrators only (403 for any other role). A second erasure of the same household is refused with 409 `ALREADY_ERASED` and records nothing.",
    created: ErasureRecordedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/erasure')
  @HttpCode(201)
  erase(@Param('id') id: string, @Body() body: EraseHouseholdPersonalDataDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new EraseHouseholdPersonalDataCommand(id, parseEraseHouseholdPersonalData(body), ctx));
  }

  // Declared before ':id' so that "stats" is not taken for a household id.
  @ApiDoc({
    summary: 'Poverty statistics over a unit and its subtree',
    description:
      'Households by class, rates in percent and deprivation counts for one review year, in all and for each unit directly below. `asOf`/`atPosition` read them as they were.',
    ok: HouseholdStatsDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get('stats')
  stats(@Query() query: HouseholdStatsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdStatsQuery(query, req.principal!));
  }

  @ApiDoc({
    summary: 'A household, its current class and its history',
    description:
      'Every assessment and reclassification, oldest first, with the current class (of the latest review year). `asOf`/`atPosition` read it as it was.',
    ok: HouseholdViewDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get(':id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdQuery(id, req.principal!, at));
  }
}
