import { Module } from '@nestjs/common';
import { GetUnitHandler } from './get-unit/get-unit.handler';
import { GetUnitController } from './get-unit/get-unit.http';
import { ListUnitsHandler } from './list-units/list-units.handler';
import { ListUnitsController } from './list-units/list-units.http';
import { RegisterUnitHandler } from './register-unit/register-unit.handler';
import { RegisterUnitController } from './register-unit/register-unit.http';

@Module({ controllers: [RegisterUnitController, ListUnitsController, GetUnitController], providers: [RegisterUnitHandler, ListUnitsHandler, GetUnitHandler] })
export class UnitsModule {}
