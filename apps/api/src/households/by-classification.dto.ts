import { Int } from '../http/openapi';

/** Households by class, keyed by class code (statistics, import summaries). */
export class ByClassificationDto {
  @Int() poor!: number;
  @Int() near_poor!: number;
  @Int() average!: number;
  @Int() not_poor!: number;
}
