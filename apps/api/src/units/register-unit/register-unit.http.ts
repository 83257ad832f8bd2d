import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRegisterUnit, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RegisterUnitCommand } from './register-unit.command';
import { RegisterUnitDto, UnitCreatedDto } from './register-unit.dto';
@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/units')
export class RegisterUnitController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'UnitsController_register',
    summary: 'Register a unit of the tree',
    description: "central → province → district → commune / agency, each under its `parent` (an admin only). The answer's `id` is the unit's code.",
    created: UnitCreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUnitDto, @Ctx() ctx: AppContext): Promise<UnitCreatedDto> {
    return this.commands.execute(new RegisterUnitCommand(parseRegisterUnit(body), ctx));
  }
}
