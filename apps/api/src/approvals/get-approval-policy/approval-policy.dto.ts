import { Instant, Int, Money, Obj, Text } from '../../http/openapi';
import { LegalDocumentDto, ReadPointDto } from '../../http/read.dto';

export class ApprovalPolicyInForceDto {
  @Text({ example: 'LAI-CHAU', description: 'whose policy it is: the unit itself, or its nearest ancestor with one' }) unit!: string;
  @Money({ description: 'payments of this many đồng or more wait for a checker', example: 1_000_000_000 }) threshold!: number;
  @Obj(() => LegalDocumentDto) decision!: LegalDocumentDto;
  @Text() setBy!: string;
  @Instant() setAt!: string;
  @Int({ description: 'the log position it was set at' }) position!: number;
}

export class ApprovalPolicyDto {
  @Text({ example: 'PHONG-THO' }) unit!: string;
  @Obj(() => ApprovalPolicyInForceDto, { nullable: true, description: 'null: no policy in force, every payment is paid at once' })
  policy!: ApprovalPolicyInForceDto | null;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}

export class ApprovalPolicySetDto {
  @Text({ example: 'PHONG-THO' }) unit!: string;
  @Obj(() => ApprovalPolicyInForceDto, { nullable: true, description: "the policy now in force for the unit (after a removal: an ancestor's, or none)" })
  policy!: ApprovalPolicyInForceDto | null;
  @Int({ description: 'the log position of ApprovalPolicySet (or, when nothing changed, the position the answer is for)' }) position!: number;
}
