import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../../../libs/domain/src';
import { NEXT_CURSOR, ReadPointDto } from '../http/read.dto';

const ACTIVE = { type: 'boolean', description: 'false once deactivated: the token then answers 401 until the user is reactivated' } as const;
const EXPIRES_AT = { type: 'string', format: 'date-time', nullable: true, description: "when the user's current token stops working; null: never" } as const;
const ROTATED_AT = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description: 'when the current token replaced the previous one; null: never rotated',
} as const;

/** A user as the ledger shows it: never a token, nor its hash. */
export class UserDto {
  @ApiProperty({ type: 'string', example: 'pt-finance' }) id!: string;
  @ApiProperty({ type: 'string', example: 'Kế toán huyện' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: 'string', isArray: true, description: 'unit codes whose subtrees the user covers' }) units!: string[];
  @ApiProperty({ type: 'string', format: 'date-time' }) registeredAt!: string;
  @ApiProperty(ACTIVE) active!: boolean;
  @ApiProperty(EXPIRES_AT) expiresAt!: string | null;
  @ApiProperty(ROTATED_AT) tokenRotatedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'the log position of the event that registered the user' }) position!: number;
}

export class UserPageDto {
  @ApiProperty({ type: () => UserDto, isArray: true, description: 'by id' }) items!: UserDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}

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
  units!: string[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) registeredAt!: string | null;
  @ApiProperty(ACTIVE) active!: boolean;
  @ApiProperty(EXPIRES_AT) expiresAt!: string | null;
  @ApiProperty(ROTATED_AT) tokenRotatedAt!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
