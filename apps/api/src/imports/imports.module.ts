import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerImportParsers } from './import-body';
import { ImportsController } from './imports.controller';
import { ImportHouseholdsHandler } from './imports.handlers';

@Module({ controllers: [ImportsController], providers: [ImportHouseholdsHandler] })
export class ImportsModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    registerImportParsers(this.http.httpAdapter.getInstance<FastifyInstance>());
  }
}
