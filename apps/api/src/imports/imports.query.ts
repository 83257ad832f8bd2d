import { CSV_DELIMITERS, type CsvDelimiter } from '../../../../libs/ledger/src/imports/parse-csv';
import { QueryParam } from '../http/query.dto';

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
