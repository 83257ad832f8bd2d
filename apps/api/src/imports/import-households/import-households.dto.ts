import { CSV_DELIMITERS, type CsvDelimiter } from '../../../../../libs/ledger/src/imports/parse-csv';
import { Int, Obj } from '../../http/openapi';
import { QueryParam } from '../../http/query.dto';
import { ByClassificationDto } from '../../households/by-classification.dto';

export class HouseholdImportSummaryDto {
  @Int() rows!: number;
  @Int({ description: 'households the file registered' }) registered!: number;
  @Int() assessed!: number;
  @Int({ description: 'assessments that changed a household’s current class' }) reclassified!: number;
  @Obj(() => ByClassificationDto, { description: 'the current class of the households the file touched, after it' }) byClassification!: ByClassificationDto;
}

/** A query parameter rather than a media-type parameter: `;` would have to be quoted inside Content-Type. */
export class ImportQueryDto {
  @QueryParam({
    description:
      'for `text/csv`: what separates the cells (`;` is what Excel writes in a Vietnamese locale; send it as `%3B`). Without it, the one the header line holds more of.',
    enum: CSV_DELIMITERS,
    maxLength: 1,
    example: ';',
  })
  delimiter?: CsvDelimiter;
}
