import { ApiProperty } from '@nestjs/swagger';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { DisbursementDto } from '../disbursement.dto';

export class DisbursementPageDto {
  @ApiProperty({ type: () => DisbursementDto, isArray: true, description: 'in the order they were recorded' }) items!: readonly DisbursementDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
