import { ApiProperty } from '@nestjs/swagger';
import { ReadPointDto } from '../../http/read.dto';
import { DisbursementDto } from '../disbursement.dto';

export class DisbursementReadDto extends DisbursementDto {
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
