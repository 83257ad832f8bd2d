import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { EXTRA_MODELS, ErrorBodyDto } from './openapi';

const DESCRIPTION = [
  'Event-sourced ledger for the National Target Programme for Sustainable Poverty Reduction (Decision 90/QĐ-TTg): API v1.',
  '',
  'Amounts are whole đồng as JSON integers; days are `YYYY-MM-DD`; instants ISO 8601 in UTC. Every failure answers',
  '`{statusCode, code, message, details?}` (schema `ErrorBodyDto`, codes in `ErrorCode`). Every write answers the log',
  '`position` of its events; any GET accepts `consistentWith=<position>` to read its own writes.',
].join('\n');

/**
 * The served contract: OpenAPI 3.1 (Nest's swagger module turns `nullable` into `type: [..., "null"]`
 * for 3.1), a global bearer requirement that /health lifts, and the error body registered even
 * where no operation names it yet.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Poverty-reduction fund ledger')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addServer('/', 'the ledger serving this document (e.g. http://localhost:3000 after `npm start`)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: undefined,
        description:
          'an opaque token (not a JWT): 32 random bytes, base64url, given once by `POST /api/v1/users` or printed at the first start; the ledger keeps only its SHA-256',
      },
      'bearer',
    )
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto, ...EXTRA_MODELS] });
  const health = document.paths['/health']?.get;
  if (health) health.security = [];
  return collapseSingleAllOf(document);
}

/**
 * Nest wraps a named enum in `allOf: [{$ref}]` to give it a description; OpenAPI 3.1 (JSON Schema
 * 2020-12) allows siblings of `$ref`, so the wrapper goes.
 */
function collapseSingleAllOf<T>(node: T): T {
  if (Array.isArray(node)) {
    node.forEach(collapseSingleAllOf);
  } else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    for (const value of Object.values(o)) collapseSingleAllOf(value);
    const allOf = o.allOf;
    if (Array.isArray(allOf) && allOf.length === 1 && typeof allOf[0] === 'object' && '$ref' in allOf[0]) {
      delete o.allOf;
      o.$ref = (allOf[0] as { $ref: string }).$ref;
    }
  }
  return node;
}
