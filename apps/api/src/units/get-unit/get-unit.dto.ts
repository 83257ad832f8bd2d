import { Obj } from '../../http/openapi';
import { ReadPointDto } from '../../http/read.dto';
import { UnitDto } from '../unit.dto';

/** GET /units/{code}: an item of GET /units, and the point it was read at. */
export class UnitReadDto extends UnitDto {
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
