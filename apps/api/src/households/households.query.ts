import { QueryParam, TimeTravelQueryDto } from '../http/query.dto';

/** GET /households/stats: both parameters are required, each given once. */
export class HouseholdStatsQueryDto extends TimeTravelQueryDto {
  @QueryParam({ description: 'a unit code: the counts over it and every unit below it', required: true, maxLength: 128, example: 'PHONG-THO' })
  unit!: string;

  @QueryParam({ description: 'the review year', type: 'integer', required: true, pattern: /^\d{4}$/, must: 'a year (4 digits)', maxLength: 4, example: '2023' })
  reviewYear!: string;
}
