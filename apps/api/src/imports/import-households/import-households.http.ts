import { Controller, HttpCode, HttpException, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../../http/principal';
import { Ctx } from '../../http/request-context';
import { IMPORT_MEDIA_TYPES, isImportBody, type ImportMediaType } from '../import-body';
import { ImportHouseholdsCommand } from './import-households.command';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { HouseholdImportSummaryDto, ImportQueryDto } from './import-households.dto';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ImportHouseholdsController {
  constructor(private readonly commands: CommandBus) {}

  /** A review file, all-or-nothing: 201 with the summary, or 400 listing every bad row. */
  @ApiDoc({
    operationId: 'ImportsController_households',
    summary: "Import a commune's or district's review file",
    description:
      'CSV with a header row (cells separated by `,` or `;`: the `delimiter` parameter, or else the one the header line holds more of; a UTF-8 byte order mark is skipped; deprivations as indicator codes separated by `;`, or `,` in a `;` file) or JSON lines, streamed, up to 1 GiB. Each row: `household, unit, area, members, reviewYear, reviewType, incomePerCapita, deprivations`, optionally `headName, ethnicMinority`; an unknown household is registered, then assessed. All-or-nothing: any bad row refuses the file with 400 and `details.errors: [{row, field, message}]` (the first 10,000) and `details.errorCount`. The same file sent again records nothing twice and gets the first summary back.',
    created: HouseholdImportSummaryDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @ApiBody({ required: true, description: 'the review file: CSV with a header row, or one JSON object per line', schema: { type: 'string' } })
  @Post('households')
  @HttpCode(201)
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  households(@Req() request: AuthenticatedRequest, @Query() query: ImportQueryDto, @Ctx() ctx: AppContext): Promise<HouseholdImportSummaryDto> {
    const mediaType = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase() as ImportMediaType;
    if (!isImportBody(request.body) || !IMPORT_MEDIA_TYPES.includes(mediaType)) {
      throw new HttpException(
        { code: 'UNSUPPORTED_MEDIA_TYPE', message: `Content-Type must be ${IMPORT_MEDIA_TYPES.join(' or ')}`, details: { field: 'Content-Type' } },
        415,
      );
    }
    if (query.delimiter !== undefined && mediaType !== 'text/csv') {
      throw new HttpException({ code: 'VALIDATION_FAILED', message: 'delimiter applies to text/csv only', details: { field: 'delimiter' } }, 400);
    }
    return this.commands.execute(new ImportHouseholdsCommand(request.body, mediaType, ctx, { delimiter: query.delimiter }));
  }
}
