import { Module } from '@nestjs/common';
import { AssessHouseholdHandler } from './assess-household/assess-household.handler';
import { AssessHouseholdController } from './assess-household/assess-household.http';
import { EraseHouseholdPersonalDataHandler } from './erase-household-personal-data/erase-household-personal-data.handler';
import { EraseHouseholdPersonalDataController } from './erase-household-personal-data/erase-household-personal-data.http';
import { GetHouseholdHandler } from './get-household/get-household.handler';
import { GetHouseholdController } from './get-household/get-household.http';
import { GetHouseholdStatsHandler } from './get-household-stats/get-household-stats.handler';
import { GetHouseholdStatsController } from './get-household-stats/get-household-stats.http';
import { ListHouseholdsHandler } from './list-households/list-households.handler';
import { ListHouseholdsController } from './list-households/list-households.http';
import { ListPovertyStandardsController } from './list-poverty-standards/list-poverty-standards.http';
import { RegisterHouseholdHandler } from './register-household/register-household.handler';
import { RegisterHouseholdController } from './register-household/register-household.http';

/** One folder per use case. GET /households/stats is registered before GET /households/{id}, which would take "stats" for an id. */
@Module({
  controllers: [
    ListHouseholdsController,
    RegisterHouseholdController,
    AssessHouseholdController,
    EraseHouseholdPersonalDataController,
    GetHouseholdStatsController,
    GetHouseholdController,
    ListPovertyStandardsController,
  ],
  providers: [
    RegisterHouseholdHandler,
    AssessHouseholdHandler,
    EraseHouseholdPersonalDataHandler,
    GetHouseholdHandler,
    GetHouseholdStatsHandler,
    ListHouseholdsHandler,
  ],
})
export class HouseholdsModule {}
