import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../../../../libs/domain/src';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { ACTIVE, EXPIRES_AT, ROTATED_AT } from '../user-fields';

/** A user as the ledger shows it: never a token, nor its hash. */
export class UserDto {
  @ApiProperty({ type: 'string', example: 'pt-finance' }) id!: string;
  @ApiProperty({ type: 'string', example: 'Kế toán huyện' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: 'string', isArray: true, description: 'unit codes whose subtrees the user covers' }) units!: readonly string[];
  @ApiProperty({ type: 'string', format: 'date-time' }) registeredAt!: string;
  @ApiProperty(ACTIVE) active!: boolean;
  @ApiProperty(EXPIRES_AT) expiresAt!: string | null;
  @ApiProperty(ROTATED_AT) tokenRotatedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'the log position of the event that registered the user' }) position!: number;
}

export class UserPageDto {
  @ApiProperty({ type: () => UserDto, isArray: true, description: 'by id' }) items!: readonly UserDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
