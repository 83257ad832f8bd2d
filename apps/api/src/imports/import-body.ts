import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** Import files may be large; other endpoints keep the small JSON limit of app.factory.ts. */
export const IMPORT_BODY_LIMIT = 1024 * 1024 * 1024;

export const IMPORT_MEDIA_TYPES = ['application/x-ndjson', 'text/csv'] as const;
export type ImportMediaType = (typeof IMPORT_MEDIA_TYPES)[number];

/**
 * What the request body becomes for an import: the unread stream, kept off the enumerable keys so
 * that nothing that walks a body (the Idempotency-Key interceptor hashes it) touches the stream.
 */
export type ImportBody = Readonly<{ stream: Readable }>;

export function isImportBody(body: unknown): body is ImportBody {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream !== undefined;
}

class TooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/** Counts bytes as they pass and fails the stream at the limit, since Fastify does not read this body. */
export function limited(stream: Readable, limit: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) done(new TooLarge(`the body is larger than ${limit} bytes`));
      else done(null, chunk);
    },
  });
  stream.on('error', (e) => counter.destroy(e));
  return stream.pipe(counter);
}

export class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
}

/** The routes that take a file; every other route takes JSON only. */
export const IMPORT_ROUTES: ReadonlySet<string> = new Set(['/api/v1/imports/households']);

/** JSON lines and CSV are handed over as streams: the body is parsed row by row by the import. */
export function registerImportParsers(fastify: FastifyInstance): void {
  for (const type of IMPORT_MEDIA_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, (request, payload, done) => {
      if (!IMPORT_ROUTES.has(request.routeOptions.url ?? '')) {
        done(new UnsupportedMediaType(`Content-Type ${type} is accepted by the import routes only; send application/json`), undefined);
        return;
      }
      const body = {};
      Object.defineProperty(body, 'stream', { value: limited(payload, IMPORT_BODY_LIMIT), enumerable: false });
      done(null, body);
    });
  }
}
