import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';
import { StrictJsonError, parseStrictJson } from '../../../../libs/ledger/src/imports/strict-json';

/**
 * The API speaks JSON (and, on the import route, NDJSON and CSV: imports/import-body.ts). Fastify's
 * own parsers go: text/plain and form bodies get 415 UNSUPPORTED_MEDIA_TYPE instead of being
 * validated as something they are not, and a JSON body is parsed once, strictly (a key given twice,
 * nesting deeper than any body of this API, `__proto__`: 400 naming the key), before anything walks it.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    const text = body as string;
    if (text.trim().length === 0) {
      done(new DomainError('VALIDATION_FAILED', 'body: is empty; send a JSON object', { field: 'body' }), undefined);
      return;
    }
    try {
      done(null, parseStrictJson(text));
    } catch (error) {
      if (error instanceof StrictJsonError) done(new DomainError('VALIDATION_FAILED', error.message, { field: error.field }), undefined);
      else done(new DomainError('VALIDATION_FAILED', `body: malformed JSON (${(error as Error).message})`, { field: 'body' }), undefined);
    }
  });
}
