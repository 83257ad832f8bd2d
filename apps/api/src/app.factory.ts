import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ensureAdmin, recoverPendingTransfers } from './bootstrap';
import type { LedgerConfig } from './config';
import { LedgerService } from './ledger/ledger.service';

export const BODY_LIMIT = 1024 * 1024;

export type LedgerApp = Readonly<{ app: NestFastifyApplication; ledger: LedgerService; generatedAdminToken: string | null }>;

export async function createApp(config: LedgerConfig): Promise<LedgerApp> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: BODY_LIMIT }), {
    logger: config.logger ? ['error', 'warn', 'log'] : false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  const docs = new DocumentBuilder()
    .setTitle('Poverty-reduction fund ledger')
    .setDescription('Event-sourced ledger for the National Target Programme for Sustainable Poverty Reduction: API v1')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const ledger = app.get(LedgerService);
  await recoverPendingTransfers(ledger);
  const generatedAdminToken = await ensureAdmin(ledger, config.adminToken);
  return { app, ledger, generatedAdminToken };
}
