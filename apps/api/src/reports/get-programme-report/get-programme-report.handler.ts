import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { programmeReport, renderReport, type RenderedReport } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetProgrammeReportQuery } from './get-programme-report.query';
import { chooseFormat } from './report-format';

@QueryHandler(GetProgrammeReportQuery)
export class GetProgrammeReportHandler implements IQueryHandler<GetProgrammeReportQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetProgrammeReportQuery): Promise<RenderedReport> {
    const format = chooseFormat(q.query.format, q.accept);
    const { report, tables } = await programmeReport(this.ledger.events, this.ledger.reads, q.query, q.principal, new Date().toISOString());
    return renderReport(report, tables, format, q.query.table);
  }
}
