import { Module } from '@nestjs/common';
import { GetChangesHandler } from './get-changes/get-changes.handler';
import { GetChangesController } from './get-changes/get-changes.http';

@Module({ controllers: [GetChangesController], providers: [GetChangesHandler] })
export class ChangesModule {}
