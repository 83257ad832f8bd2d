import { Int, Text } from './openapi';

/** The 201 of a write that creates or changes one record. */
export class CreatedDto {
  @Text({ example: 'PT-DA1.1-2022', description: 'the id of the record written (a unit answers its code)' }) id!: string;
  @Int({ example: 42, description: 'log position of the last event written' }) position!: number;
}
