import { Int, Obj, OneOf, Text } from '../../http/openapi';

export class ReadModelsHealthDto {
  @Int({ description: 'the log position the read models have reached' }) position!: number;
  @Int({ description: 'events of the log not yet in the read models' }) lag!: number;
  @Text({ nullable: true, description: 'why the projector is stuck, if it is' }) lastError!: string | null;
}

export class HealthDto {
  @OneOf(['ok', 'degraded', 'broken', 'storage_full'], 'HealthStatus') status!: string;
  @Text({
    example: 'ok',
    description: 'the hash chain as checked at start: `checking`, `ok`, `not checked` (a log not held as a file), or `broken at <position>`',
  })
  integrity!: string;
  @Text({
    example: 'ok',
    description: '`ok`, or `full: the log …` / `full: the read models …` while the disk holding that file has no room (writes answer 507)',
  })
  storage!: string;
  @Int({ description: 'the head of the log' }) position!: number;
  @Obj(() => ReadModelsHealthDto) readModels!: ReadModelsHealthDto;
}
