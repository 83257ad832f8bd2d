import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRegisterHousehold, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { CreatedDto } from '../../http/responses';
import { RegisterHouseholdCommand } from './register-household.command';
import { RegisterHouseholdDto } from './register-household.dto';
@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class RegisterHouseholdController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'HouseholdsController_register',
    summary: 'Register a household',
    description: 'A household of a commune, registered by a social officer of that commune (or above). Its class comes from its assessments.',
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterHouseholdDto, @Ctx() ctx: AppContext): Promise<CreatedDto> {
    return this.commands.execute(new RegisterHouseholdCommand(parseRegisterHousehold(body), ctx));
  }
}
