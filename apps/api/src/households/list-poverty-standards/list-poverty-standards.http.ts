import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { POVERTY_STANDARDS } from '../../../../../libs/domain/src';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import { ConsistentReadQuery } from '../../http/query.dto';
import { PovertyStandardsDto } from './list-poverty-standards.dto';

/**
 * The standards are data the domain holds; a client that offers the indicators of a review year
 * or explains a class reads them here rather than keeping its own copy.
 */
@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/poverty-standards')
export class ListPovertyStandardsController {
  @ApiDoc({
    operationId: 'PovertyStandardsController_list',
    summary: 'The multidimensional poverty standards',
    description:
      'Each standard with the review years it decides, its indicators (12 under Decree 07/2021/NĐ-CP, 10 under Decision 59/2015/QĐ-TTg), its deprivation threshold and its income lines by area: what an assessment of a review year is classified by.',
    ok: PovertyStandardsDto,
    errors: [...READ_ERRORS],
  })
  @Get()
  list(@Query() _query: ConsistentReadQuery): PovertyStandardsDto {
    return {
      standards: POVERTY_STANDARDS.map((s) => ({
        id: s.id,
        legalBasis: s.legalBasis,
        reviewYears: { ...s.reviewYears },
        indicators: [...s.indicators],
        deprivationThreshold: s.deprivationThreshold,
        incomeAloneMakesPoor: s.incomeAloneMakesPoor,
        thresholds: { rural: { ...s.thresholds.rural }, urban: { ...s.thresholds.urban } },
      })),
    };
  }
}
