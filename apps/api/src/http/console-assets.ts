import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { REPORT_STYLE } from '../../../../libs/ledger/src';

/**
 * The console shows the programme report's HTML in a `srcdoc` frame, which inherits this policy:
 * the report's one inline stylesheet is allowed by its hash, and nothing else inline.
 */
const REPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}'`;

/**
 * The console (apps/web, built by Vite into dist/web) is served by the ledger itself, next to the
 * API. Only the files that exist get a route (no wildcard), so every other path keeps the API's
 * own 404. Vite names assets by content hash, so they are cached for good; index.html is
 * revalidated, and its policy allows nothing from another origin (the machines may be offline).
 */
export function serveConsole(app: NestFastifyApplication, dir: string | null | undefined): boolean {
  if (!dir || !existsSync(join(dir, 'index.html'))) return false;
  app.useStaticAssets({
    root: dir,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    // @fastify/static 10 passes Fastify's reply; Nest's option type still names the raw response.
    setHeaders: (res, path) => {
      const reply = res as unknown as FastifyReply;
      if (/[\\/]assets[\\/]/.test(path)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        return;
      }
      reply.header('cache-control', 'no-cache');
      reply.header(
        'content-security-policy',
        `default-src 'self'; img-src 'self' data:; style-src 'self' ${REPORT_STYLE_HASH}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
      );
    },
  });
  return true;
}
