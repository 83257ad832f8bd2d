import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerImportParsers } from './import-body';
import { ImportHouseholdsHandler } from './import-households/import-households.handler';
import { ImportHouseholdsController } from './import-households/import-households.http';

@Module({ controllers: [ImportHouseholdsController], providers: [ImportHouseholdsHandler] })
export class ImportsModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    registerImportParsers(this.http.httpAdapter.getInstance<FastifyInstance>());
  }
}
