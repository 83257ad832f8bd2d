import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, ValidateNested } from 'class-validator';
import { DecisionDto } from '../http/decision.dto';

/** The legal document a grant or an adjustment is made under: required, and validated field by field. */
export const Decision = () => (target: object, key: string) => {
  ApiProperty({ type: DecisionDto })(target, key);
  ValidateNested()(target, key);
  IsNotEmptyObject()(target, key);
  Type(() => DecisionDto)(target, key);
};
