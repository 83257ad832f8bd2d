import { Int, Obj } from '../http/openapi';

export class ByClassificationDto {
  @Int() poor!: number;
  @Int() near_poor!: number;
  @Int() average!: number;
  @Int() not_poor!: number;
}

export class HouseholdImportSummaryDto {
  @Int() rows!: number;
  @Int({ description: 'households the file registered' }) registered!: number;
  @Int() assessed!: number;
  @Int({ description: 'assessments that changed a household’s current class' }) reclassified!: number;
  @Obj(() => ByClassificationDto, { description: 'the current class of the households the file touched, after it' }) byClassification!: ByClassificationDto;
}
