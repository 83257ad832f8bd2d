import { Obj, Int, Text } from '../http/openapi';
import { ReadPointDto } from '../http/read.dto';
import { UnitDto } from './units.list.dto';

export class UnitCreatedDto {
  @Text({ example: 'PHONG-THO', description: "the unit's code: its identity everywhere" }) code!: string;
  @Int({ description: 'log position of the event written' }) position!: number;
}

/** GET /units/{code}: an item of GET /units, and the point it was read at. */
export class UnitReadDto extends UnitDto {
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
