import { UNIT_LEVELS } from '../../../../libs/domain/src';
import { Instant, Int, OneOf, Text, Texts } from '../http/openapi';

export class UnitDto {
  @Text({ example: 'PHONG-THO' }) code!: string;
  @Text({ example: 'Huyện Phong Thổ' }) name!: string;
  @OneOf(UNIT_LEVELS, 'UnitLevel') level!: string;
  @Text({ nullable: true, example: 'LAI-CHAU', description: 'null for the root (central) unit' }) parent!: string | null;
  @Texts({ description: 'codes of the units directly below' }) children!: string[];
  @Texts({ description: 'codes of the units above, nearest first' }) ancestors!: string[];
  @Instant() registeredAt!: string;
  @Int({ description: 'log position of the last event applied to this unit' }) position!: number;
}
