import { Controller, HttpCode, HttpException, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { Ctx } from '../http/request-context';
import { IMPORT_MEDIA_TYPES, isImportBody, type ImportMediaType } from './import-body';
import { ImportHouseholdsCommand } from './imports.handlers';

@ApiTags('imports')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly commands: CommandBus) {}

  /** A review file, all-or-nothing: 201 with the summary, or 400 listing every bad row. */
  @Post('households')
  @HttpCode(201)
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  households(@Req() request: AuthenticatedRequest, @Ctx() ctx: AppContext) {
    const mediaType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() as ImportMediaType;
    if (!isImportBody(request.body) || !IMPORT_MEDIA_TYPES.includes(mediaType)) {
      throw new HttpException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `Content-Type must be ${IMPORT_MEDIA_TYPES.join(' or ')}`, details: { field: 'Content-Type' } }, 415);
    }
    return this.commands.execute(new ImportHouseholdsCommand(request.body, mediaType, ctx));
  }
}
