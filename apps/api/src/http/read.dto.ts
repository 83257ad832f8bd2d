import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../../../libs/domain/src';

/** `at` on every read: the log position the answer reflects. */
export class ReadPointDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 120, description: 'the log position this read answers for: the read models just after that event' })
  position!: number;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    description: 'the instant asked for with `asOf`, as the UTC instant it was taken to mean (a day: its end in Asia/Ho_Chi_Minh)',
  })
  asOf?: string;
}

/** A legal document as reads show it. */
export class LegalDocumentDto {
  @ApiProperty({ type: 'string', example: '747/QĐ-UBND' }) number!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2022-06-30' }) date!: string;
  @ApiProperty({ type: 'string', example: 'UBND tỉnh Lai Châu' }) issuer!: string;
}

export const NEXT_CURSOR = {
  type: 'string',
  nullable: true,
  description:
    'pass as `cursor` to read the next page (same filters); null on the last page. Every page of a listing answers for the position of its first page',
} as const;

/** Who recorded an event (audit trail, changes). */
export class ActorDto {
  @ApiProperty({ type: 'string' }) userId!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
}

/** An allocation's four figures (changes, traces). */
export class BalanceFiguresDto {
  @ApiProperty({ type: 'integer' }) allocated!: number;
  @ApiProperty({ type: 'integer' }) subAllocated!: number;
  @ApiProperty({ type: 'integer' }) disbursed!: number;
  @ApiProperty({ type: 'integer' }) available!: number;
}
