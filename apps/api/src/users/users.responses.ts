import { Instant, Int, Text } from '../http/openapi';

export class UserCreatedDto {
  @Text({ example: 'lc-finance' }) id!: string;
  @Text({ description: 'the bearer token, shown once: the ledger keeps only its SHA-256' }) token!: string;
  @Instant({ nullable: true, description: 'when the token stops working; null: never' }) expiresAt!: string | null;
  @Int() position!: number;
}

export class TokenRotatedDto {
  @Text({ example: 'lc-finance' }) id!: string;
  @Text({ description: 'the new bearer token, shown once: the ledger keeps only its SHA-256; the previous token stopped working with this answer' })
  token!: string;
  @Instant({ nullable: true, description: 'when the new token stops working; null: never' }) expiresAt!: string | null;
  @Int() position!: number;
}
