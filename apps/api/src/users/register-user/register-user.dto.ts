import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../../../../libs/domain/src';
import { Instant, Int, Text } from '../../http/openapi';
import { EXPIRES_AT_INPUT } from '../user-fields';

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
  @ApiPropertyOptional(EXPIRES_AT_INPUT) @IsOptional() @IsString() @MaxLength(40) expiresAt?: string;
}

export class UserCreatedDto {
  @Text({ example: 'lc-finance' }) id!: string;
  @Text({ description: 'the bearer token, shown once: the ledger keeps only its SHA-256' }) token!: string;
  @Instant({ nullable: true, description: 'when the token stops working; null: never' }) expiresAt!: string | null;
  @Int() position!: number;
}
