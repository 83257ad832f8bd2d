import { Int, Text } from '../../http/openapi';

export class IntegrityHeadDto {
  @Int({ description: 'the head of the log (0 when empty)' }) position!: number;
  @Text({ description: 'SHA-256 (hex) chaining the head event to every event before it' }) hash!: string;
}
