import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Instant, Int, Text } from '../../http/openapi';
import { EXPIRES_AT_INPUT } from '../user-fields';

export class RotateTokenDto {
  @ApiProperty({ example: 'the officer’s laptop was stolen', description: 'why the token is replaced (recorded with the event)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
  @ApiPropertyOptional(EXPIRES_AT_INPUT) @IsOptional() @IsString() @MaxLength(40) expiresAt?: string;
}

export class TokenRotatedDto {
  @Text({ example: 'lc-finance' }) id!: string;
  @Text({ description: 'the new bearer token, shown once: the ledger keeps only its SHA-256; the previous token stopped working with this answer' })
  token!: string;
  @Instant({ nullable: true, description: 'when the new token stops working; null: never' }) expiresAt!: string | null;
  @Int() position!: number;
}
