import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../../../libs/domain/src';

const EXPIRES_AT = {
  type: 'string',
  format: 'date-time',
  example: '2026-12-31T17:00:00Z',
  description: 'when the token stops working (an ISO 8601 instant with an offset, later than now); absent: it does not expire',
} as const;

export class RegisterUserDto {
  @ApiProperty({ example: 'lc-finance' }) @IsString() @MaxLength(128) id!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) @IsIn(ROLES) role!: string;
  @ApiPropertyOptional({
    example: ['LAI-CHAU'],
    description:
      'the units whose subtrees the user covers: required for finance officers, social officers and supervisors; an inspector with units reads only them (a provincial inspectorate), without units everything (national); ignored for an administrator',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  units?: string[];
  @ApiPropertyOptional(EXPIRES_AT) @IsOptional() @IsString() @MaxLength(40) expiresAt?: string;
}

export class RotateTokenDto {
  @ApiProperty({ example: 'the officer’s laptop was stolen', description: 'why the token is replaced (recorded with the event)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
  @ApiPropertyOptional(EXPIRES_AT) @IsOptional() @IsString() @MaxLength(40) expiresAt?: string;
}

export class UserStatusChangeDto {
  @ApiProperty({ example: 'transferred to another district (Quyết định 12/QĐ-UBND)', description: 'why (recorded with the event)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
