import { Int, Text, Day } from './openapi';

/** The 201 of a write that creates or changes one record. */
export class CreatedDto {
  @Text({ example: 'PT-DA1.1-2022', description: 'the id of the record written (a unit answers its code)' }) id!: string;
  @Int({ example: 42, description: 'log position of the last event written' }) position!: number;
}

/** A legal document as the ledger recorded it. */
export class LegalDocumentDto {
  @Text({ example: '747/QĐ-UBND' }) number!: string;
  @Day({ example: '2022-06-30' }) date!: string;
  @Text({ example: 'UBND tỉnh Lai Châu' }) issuer!: string;
}
