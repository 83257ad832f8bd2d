import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, type ApiResponseNoStatusOptions } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CONTENT_TYPES } from '../../../../../libs/ledger/src';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { GetProgrammeReportQuery } from './get-programme-report.query';
import { ProgrammeReportQueryDto } from './get-programme-report.dto';

type SchemaObject = NonNullable<NonNullable<ApiResponseNoStatusOptions['content']>[string]['schema']>;

const SECTIONS: SchemaObject = {
  type: 'object',
  description:
    'amounts whole đồng; rates percent with two decimals rounded half up, null where nothing was allocated; every line carries `evidence`: the queries listing its entries at the same atPosition',
  required: ['report', 'header', 'households', 'funds', 'projects', 'plan', 'checks', 'consistent'],
  properties: {
    report: { type: 'string', enum: ['programme'] },
    header: {
      type: 'object',
      description: '1: unit and parent, fiscal year, programme, asOf {position, recordedAt}, generatedAt, headHash (the log hash at that position)',
    },
    households: {
      type: 'object',
      description:
        '2.1 previous review, 2.2 this year’s: counts and rates with their denominator, the indicators on both bases (assessed, poor), by unit one level down, highest and lowest',
    },
    funds: {
      type: 'object',
      description:
        '3: lines total / programme (investment, recurrent) / carried from the predecessor (investment, recurrent): allocated, disbursed, rate, decisions',
    },
    projects: {
      type: 'array',
      items: { type: 'object' },
      description: '4: every project and sub-project of the catalogue: figures, allocatedAny (false: “không giao”), progress notes',
    },
    plan: {
      type: 'object',
      description: '5: each year of the programme × source (central investment, central recurrent, local, other, policy credit), with totals',
    },
    checks: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, description: { type: 'string' }, ok: { type: 'boolean' }, detail: { type: 'string' } } },
    },
    consistent: { type: 'boolean' },
  },
};

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class GetProgrammeReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('programme')
  @ApiOperation({
    operationId: 'ReportsController_programme',
    summary: 'The programme report of a unit and fiscal year (sections 1–6), as the books stood at any position',
    description: 'The format comes from `format=`, else from `Accept` (JSON by default). Scoped like every read: a unit outside the caller’s scope is refused.',
  })
  @ApiErrors(...READ_ERRORS, 403, 501)
  @ApiOkResponse({
    description:
      'JSON (the sections), HTML (printable A4, Vietnamese), XLSX (one sheet per table, formulas), CSV (one table with `table`, else a ZIP of every table); files come with Content-Disposition',
    content: {
      [CONTENT_TYPES.json]: { schema: SECTIONS },
      [CONTENT_TYPES.html]: { schema: { type: 'string' } },
      [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
      [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
      [CONTENT_TYPES.zip]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async programme(
    @Query() query: ProgrammeReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const rendered = await this.queries.execute(new GetProgrammeReportQuery(query, accept, req.principal!));
    reply.header('content-type', rendered.contentType);
    reply.header('vary', 'Accept');
    const disposition = rendered.contentType.startsWith('application/json') || rendered.contentType.startsWith('text/html') ? 'inline' : 'attachment';
    reply.header('content-disposition', `${disposition}; filename="${rendered.fileName}"`);
    return rendered.body;
  }
}
