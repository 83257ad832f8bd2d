import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseAssessHousehold, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { AssessHouseholdCommand } from './assess-household.command';
import { AssessHouseholdDto, AssessmentCreatedDto } from './assess-household.dto';
@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class AssessHouseholdController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'HouseholdsController_assess',
    summary: "Record a household's yearly assessment",
    description:
      'Income per capita and deprivations (indicator codes of the standard in force for `reviewYear`) decide the class by that standard; the answer names the class, the previous one, the standard and the rule. A change of the current class also records HouseholdReclassified.',
    created: AssessmentCreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/assessments')
  @HttpCode(201)
  assess(@Param('id') id: string, @Body() body: AssessHouseholdDto, @Ctx() ctx: AppContext): Promise<AssessmentCreatedDto> {
    return this.commands.execute(new AssessHouseholdCommand(id, parseAssessHousehold(body), ctx));
  }
}
