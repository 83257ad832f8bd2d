import { Int, List, Obj, Text } from '../../http/openapi';
import { YearRangeDto } from '../year-range.dto';

export class SubProjectDto {
  @Text({ example: 'DA1.1' }) code!: string;
  @Text() name!: string;
  @Text({ optional: true, description: 'the Vietnamese name, where the catalogue has one' }) nameVi?: string;
}

export class ProjectDto {
  @Text({ example: 'DA1' }) code!: string;
  @Text() name!: string;
  @Text() nameVi!: string;
  @List(() => SubProjectDto) subProjects!: readonly SubProjectDto[];
}

export class ProgrammeDto {
  @Text({ example: 'GNBV-2021-2025' }) code!: string;
  @Text() name!: string;
  @Text({ example: '90/QĐ-TTg' }) legalBasis!: string;
  @Obj(() => YearRangeDto) fiscalYears!: YearRangeDto;
  @Int({
    optional: true,
    description: 'the last fiscal year whose lines may still be booked after the programme ended (its unspent funds extended); absent: fiscalYears.to',
  })
  extendedTo?: number;
  @Text({ optional: true, description: 'the programme this one succeeds: its extended lines are reported apart, as carried' }) predecessor?: string;
  @List(() => ProjectDto) projects!: readonly ProjectDto[];
}

export class ProgramsDto {
  @List(() => ProgrammeDto) programs!: readonly ProgrammeDto[];
}
