import { Module } from '@nestjs/common';
import { HouseholdsController } from './households.controller';
import { HOUSEHOLD_HANDLERS } from './households.handlers';

@Module({ controllers: [HouseholdsController], providers: [...HOUSEHOLD_HANDLERS] })
export class HouseholdsModule {}
