import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ConsistentReadQuery } from '../http/query.dto';

const bound = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ type: 'string', description, example: key === 'from' ? '2022-12-20' : '2023-01-15' })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(40)(target, key);
};

/** `from`/`to` bound the range instead of asOf/atPosition; the page is cursor-paged like every list. */
export class ChangesQueryDto extends ConsistentReadQuery {
  @bound('a position, an ISO timestamp or a day (exclusive; a day means from its start); default: the beginning') from?: string;
  @bound('a position, an ISO timestamp or a day (inclusive; a day means by its end); default: now') to?: string;

  @ApiPropertyOptional({ type: 'string', description: "a unit's code: only what touched its subtree" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  unit?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'events listed per page; every event of the range is counted in `recorded`' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', description: 'the `nextCursor` of the previous page: later pages keep the first page\'s `to`' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
