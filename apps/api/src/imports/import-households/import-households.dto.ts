import { Int, Obj } from '../../http/openapi';
import { ByClassificationDto } from '../../households/by-classification.dto';

export class HouseholdImportSummaryDto {
  @Int() rows!: number;
  @Int({ description: 'households the file registered' }) registered!: number;
  @Int() assessed!: number;
  @Int({ description: 'assessments that changed a household’s current class' }) reclassified!: number;
  @Obj(() => ByClassificationDto, { description: 'the current class of the households the file touched, after it' }) byClassification!: ByClassificationDto;
}
