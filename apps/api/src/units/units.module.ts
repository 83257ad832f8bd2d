import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { GetUnitHandler, RegisterUnitHandler } from './units.handlers';

@Module({ controllers: [UnitsController], providers: [RegisterUnitHandler, GetUnitHandler] })
export class UnitsModule {}
