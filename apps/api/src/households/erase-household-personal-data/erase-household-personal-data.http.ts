import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseEraseHouseholdPersonalData, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { EraseHouseholdPersonalDataCommand } from './erase-household-personal-data.command';
import { EraseHouseholdPersonalDataDto, ErasureRecordedDto } from './erase-household-personal-data.dto';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class EraseHouseholdPersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'HouseholdsController_erase',
    summary: "Erase a household's personal data",
    description:
      "Crypto-shredding (Decree 13/2023/NĐ-CP): records HouseholdPersonalDataErased with its legal basis, then destroys the household's key, so the head's name and ethnicity sealed in its events can never be read again; every read, replay, rebuild, export and report shows them as null with `personalDataErased: true`. Counts, classes and money stay. Administrators only (403 for any other role). A second erasure of the same household is refused with 409 `ALREADY_ERASED` and records nothing.",
    created: ErasureRecordedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/erasure')
  @HttpCode(201)
  erase(@Param('id') id: string, @Body() body: EraseHouseholdPersonalDataDto, @Ctx() ctx: AppContext): Promise<ErasureRecordedDto> {
    return this.commands.execute(new EraseHouseholdPersonalDataCommand(id, parseEraseHouseholdPersonalData(body), ctx));
  }
}
