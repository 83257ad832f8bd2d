import { Module } from '@nestjs/common';
import { HouseholdsController } from './households.controller';
import { HOUSEHOLD_HANDLERS } from './households.handlers';
import { HouseholdListsController } from './households.list.controller';
import { PovertyStandardsController } from './poverty-standards.controller';

@Module({ controllers: [HouseholdListsController, HouseholdsController, PovertyStandardsController], providers: [...HOUSEHOLD_HANDLERS] })
export class HouseholdsModule {}
