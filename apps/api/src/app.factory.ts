import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { SwaggerModule } from '@nestjs/swagger';
import { DomainError } from '../../../libs/domain/src';
import { waitForCheckpoint } from '../../../libs/ledger/src/distributed/consistency';
import { AppModule } from './app.module';
import { openApiDocument } from './http/openapi-document';
import { toErrorBody } from './http/error.filter';
import { ensureAdmin, recoverPendingTransfers } from './bootstrap';
import { registerJsonBodyParser } from './http/json-body';
import type { LedgerConfig } from './config';
import { LedgerService } from './ledger/ledger.service';
import { serveConsole } from './http/console-assets';
import { guardIntegrity } from './integrity/integrity-guard';
import { IntegrityMonitor } from './integrity/integrity-monitor';
import { allowOrigins, secureHeaders } from './http/browser-policy';

export const BODY_LIMIT = 1024 * 1024;

/**
 * A request Node's HTTP parser refuses (e.g. raw non-ASCII bytes in the URL: 747/QĐ-UBND must be
 * percent-encoded) never reaches Nest; answer it in the API's error shape all the same.
 */
function malformedRequest(error: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (!socket.writable) return;
  const body = JSON.stringify({
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: `malformed HTTP request (${error.code ?? error.message}); percent-encode non-ASCII characters in the URL`,
  });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Errors Fastify raises before routing (e.g. FST_ERR_BAD_URL for a malformed percent-encoding)
 * never reach Nest's filter: answer them in the API's error shape too.
 */
function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body = toErrorBody(error);
  void reply.code(body.statusCode).send(body);
}

export type LedgerApp = Readonly<{ app: NestFastifyApplication; ledger: LedgerService; generatedAdminToken: string | null }>;

export async function createApp(config: LedgerConfig): Promise<LedgerApp> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, clientErrorHandler: malformedRequest, frameworkErrors }),
    {
      logger: config.logger ? ['error', 'warn', 'log'] : false,
      abortOnError: false,
      // Nest's parsers (JSON, forms) are replaced by the strict JSON parser; the import module adds its own types.
      bodyParser: false,
    },
  );
  secureHeaders(app);
  allowOrigins(app, config.corsOrigins ?? []);
  registerJsonBodyParser(app.getHttpAdapter().getInstance(), BODY_LIMIT);
  const integrity = app.get(IntegrityMonitor);
  guardIntegrity(app.getHttpAdapter().getInstance(), integrity);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app));
  serveConsole(app, config.webDir);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const ledger = app.get(LedgerService);
  // The whole chain is walked on a worker while the server already answers (issue 15, defect 7).
  if (config.eventStore !== 'eventstoredb' && config.dbFile !== ':memory:') integrity.start(config.dbFile);
  if (config.readStore === 'mongodb') {
    // Distributed: start from read models that have seen the log as it is now (the projector may be catching up).
    const head = (await ledger.events.head()).position;
    const outcome = await waitForCheckpoint(ledger.reads, head, 60_000);
    if (!outcome.ok) throw new Error(`the read models are at position ${outcome.checkpoint}, the log at ${head}: is apps/projector running?`);
  }
  await recoverPendingTransfers(ledger, app.get(CommandBus));
  const generatedAdminToken = await ensureAdmin(ledger, config.adminToken).catch((error: unknown) => {
    // Two replicas starting together both create the first admin; the second finds it taken.
    if (config.readStore === 'mongodb' && error instanceof DomainError && error.code === 'ALREADY_EXISTS') return null;
    throw error;
  });
  return { app, ledger, generatedAdminToken };
}
