import { List, Money, Obj, Text } from '../../http/openapi';
import { ReadPointDto } from '../../http/read.dto';
import { AllocationSummaryDto } from '../allocation-summary.dto';

export class ChildAllocationDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Money() allocated!: number;
}

/** GET /allocations/{id}: an item of GET /allocations, with its children and the point it was read at. */
export class AllocationViewDto extends AllocationSummaryDto {
  @List(() => ChildAllocationDto) children!: readonly ChildAllocationDto[];
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
