import { Module } from '@nestjs/common';
import { GetProgrammeReportHandler } from './get-programme-report/get-programme-report.handler';
import { GetProgrammeReportController } from './get-programme-report/get-programme-report.http';

@Module({ controllers: [GetProgrammeReportController], providers: [GetProgrammeReportHandler] })
export class ReportsModule {}
