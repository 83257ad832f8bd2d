import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { RenderedReport } from '../../../../../libs/ledger/src';
import type { ProgrammeReportQueryDto } from './get-programme-report.dto';

export class GetProgrammeReportQuery extends Query<RenderedReport> {
  constructor(
    readonly query: ProgrammeReportQueryDto,
    readonly accept: string | undefined,
    readonly principal: Principal,
  ) {
    super();
  }
}
