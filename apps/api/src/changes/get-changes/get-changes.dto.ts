import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ConsistentReadQuery } from '../../http/query.dto';
import { ActorDto, BalanceFiguresDto, NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';

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

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    default: 100,
    description: 'events listed per page; every event of the range is counted in `recorded`',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', description: "the `nextCursor` of the previous page: later pages keep the first page's `to`" })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class PositionDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) position!: number;
}

export class RecordedDto {
  @ApiProperty({ type: 'integer', description: 'events in the range and in scope, on every page' }) events!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'those events by type' }) byType!: Record<string, number>;
}

export class ChangedEventDto {
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ type: 'string', example: 'DisbursementRecorded' }) type!: string;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
  @ApiProperty({ type: 'string', example: 'allocation-PT-DA1.1-2022' }) streamId!: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: () => ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data (token hashes redacted)" }) data!: unknown;
}

export class AllocationMoveDto {
  @ApiProperty({ type: 'string' }) id!: string;
  @ApiProperty({ type: 'string' }) unit!: string;
  @ApiProperty({ type: () => BalanceFiguresDto, nullable: true, description: 'null: the allocation did not exist at `from`' })
  before!: BalanceFiguresDto | null;
  @ApiProperty({ type: () => BalanceFiguresDto }) after!: BalanceFiguresDto;
  @ApiProperty({ type: () => BalanceFiguresDto }) delta!: BalanceFiguresDto;
}

export class ChangesDto {
  @ApiProperty({ type: () => PositionDto, description: 'the range is (from, to]' }) from!: PositionDto;
  @ApiProperty({ type: () => PositionDto }) to!: PositionDto;
  @ApiProperty({ type: () => RecordedDto }) recorded!: RecordedDto;
  @ApiProperty({ type: () => ChangedEventDto, isArray: true, description: 'this page of the events, by position' }) items!: readonly ChangedEventDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => AllocationMoveDto, isArray: true, description: 'every allocation the range touched, on every page' })
  allocations!: readonly AllocationMoveDto[];
  @ApiProperty({ type: () => ReadPointDto, description: 'the position the listing answers for: `to`' }) at!: ReadPointDto;
}
