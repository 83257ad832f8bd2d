import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../../../../libs/domain/src';
import { ReadPointDto } from '../../http/read.dto';
import { ACTIVE, EXPIRES_AT, ROTATED_AT } from '../user-fields';

export class MeDto {
  @ApiProperty({ type: 'string', example: 'pt-finance' }) id!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Kế toán huyện' }) name!: string | null;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({
    type: 'string',
    isArray: true,
    description:
      'unit codes whose subtrees the caller covers (empty for an administrator, and for a national inspector, who read everything; a provincial inspector has its province)',
  })
  units!: readonly string[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) registeredAt!: string | null;
  @ApiProperty(ACTIVE) active!: boolean;
  @ApiProperty(EXPIRES_AT) expiresAt!: string | null;
  @ApiProperty(ROTATED_AT) tokenRotatedAt!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
