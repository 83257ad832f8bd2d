import { Int, Text } from '../http/openapi';

export class UserCreatedDto {
  @Text({ example: 'lc-finance' }) id!: string;
  @Text({ description: 'the bearer token, shown once: the ledger keeps only its SHA-256' }) token!: string;
  @Int() position!: number;
}
