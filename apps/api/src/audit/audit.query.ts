import { PageQueryDto, QueryParam } from '../http/query.dto';

const BOUND = 'a day YYYY-MM-DD (a whole day in Asia/Ho_Chi_Minh) or an ISO 8601 date-time';

/** GET /audit: every filter takes one value (given twice: 400 naming it); none is a list. */
export class AuditQueryDto extends PageQueryDto {
  @QueryParam({ description: 'the events of this allocation', maxLength: 128, example: 'PT-DA1.1-2022' })
  allocation?: string;

  @QueryParam({ description: 'the events of this household', maxLength: 128, example: 'H1' })
  household?: string;

  @QueryParam({ description: 'the events of this disbursement', maxLength: 128, example: 'D1' })
  disbursement?: string;

  @QueryParam({ description: 'the events recorded by this user id', maxLength: 128, example: 'pt-finance' })
  actor?: string;

  @QueryParam({ description: 'the events recorded under this decision number', maxLength: 100, example: '747/QĐ-UBND' })
  decision?: string;

  @QueryParam({ description: `recorded at or after: ${BOUND}`, maxLength: 40, must: BOUND, example: '2022-06-01' })
  from?: string;

  @QueryParam({ description: `recorded at or before: ${BOUND}`, maxLength: 40, must: BOUND, example: '2022-12-31' })
  to?: string;
}
