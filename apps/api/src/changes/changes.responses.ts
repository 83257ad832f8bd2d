import { ApiProperty } from '@nestjs/swagger';
import { Flag, Instant, Int, List, Money, Obj, Text } from '../http/openapi';
import { ActorDto, EventData } from '../audit/audit.responses';

export class LogPointDto {
  @Int() position!: number;
}

export class RecordedCountDto {
  @Int({ description: 'events in the range, in the caller’s scope' }) events!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'the same, by event type' }) byType!: Record<string, number>;
}

export class ChangedEventDto {
  @Int() position!: number;
  @Text() type!: string;
  @Int() schemaVersion!: number;
  @Text() streamId!: string;
  @Instant() recordedAt!: string;
  @Obj(() => ActorDto) actor!: ActorDto;
  @EventData() data!: Record<string, unknown>;
}

export class AllocationFiguresDto {
  @Money() allocated!: number;
  @Money() subAllocated!: number;
  @Money() disbursed!: number;
  @Money() available!: number;
}

export class AllocationMoveDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Obj(() => AllocationFiguresDto, { nullable: true, description: 'null: the allocation did not exist yet at `from`' }) before!: AllocationFiguresDto | null;
  @Obj(() => AllocationFiguresDto) after!: AllocationFiguresDto;
  @Obj(() => AllocationFiguresDto, { description: 'after − before (signed)' }) delta!: AllocationFiguresDto;
}

export class ChangesDto {
  @Obj(() => LogPointDto) from!: LogPointDto;
  @Obj(() => LogPointDto) to!: LogPointDto;
  @Obj(() => RecordedCountDto) recorded!: RecordedCountDto;
  @List(() => ChangedEventDto, { description: 'the first `limit` events of the range' }) events!: ChangedEventDto[];
  @Flag({ description: 'true when the range holds more events than were listed' }) truncated!: boolean;
  @List(() => AllocationMoveDto) allocations!: AllocationMoveDto[];
}
