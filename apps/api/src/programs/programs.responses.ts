import { Int, List, Obj, Text } from '../http/openapi';

export class SubProjectDto {
  @Text({ example: 'DA1.1' }) code!: string;
  @Text() name!: string;
  @Text({ optional: true, description: 'the Vietnamese name, where the catalogue has one' }) nameVi?: string;
}

export class ProjectDto {
  @Text({ example: 'DA1' }) code!: string;
  @Text() name!: string;
  @Text() nameVi!: string;
  @List(() => SubProjectDto) subProjects!: SubProjectDto[];
}

export class YearRangeDto {
  @Int({ example: 2021 }) from!: number;
  @Int({ example: 2025 }) to!: number;
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
  @List(() => ProjectDto) projects!: ProjectDto[];
}

export class ProgramsDto {
  @List(() => ProgrammeDto) programs!: ProgrammeDto[];
}
