import { Int } from '../http/openapi';

/** A span of years, both ends included (a programme's fiscal years, a standard's review years). */
export class YearRangeDto {
  @Int({ example: 2021 }) from!: number;
  @Int({ example: 2025 }) to!: number;
}
