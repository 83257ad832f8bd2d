import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { GetUnitHandler, ListUnitsHandler, RegisterUnitHandler } from './units.handlers';

@Module({ controllers: [UnitsController], providers: [RegisterUnitHandler, GetUnitHandler, ListUnitsHandler] })
export class UnitsModule {}
